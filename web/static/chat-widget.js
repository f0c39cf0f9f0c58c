/* helpbot chat widget: a launcher, a conversation pane, quick replies, over Rasa's socket.io channel.
 * Every text is shown as text (textContent), never as HTML. The page's posting id goes with every
 * message as metadata. The session id and the messages are kept in localStorage, so a reload keeps
 * the conversation. An answer arrives as one message whose `custom` payload holds its parts and
 * citations: the parts are shown, and under them a small caption whose section titles link to
 * the sections on the posting page. Its own labels come in English and Spanish (data-texts, from
 * helpbot's catalog): the page's `lang` picks one, the English / Español switch another; the page's
 * language (`lang`) and the applicant's choice (`language`) go with every message. */
(function () {
  "use strict";

  var root = document.getElementById("helpbot-widget");
  if (!root || typeof io !== "function") { return; }

  var SOCKET_URL = root.getAttribute("data-socket-url");
  var POSTING_ID = root.getAttribute("data-posting-id") || "";
  var TEXTS = {};
  try { TEXTS = JSON.parse(root.getAttribute("data-texts") || "{}"); } catch (e) { TEXTS = {}; }
  var LANGUAGES = [["en", "English"], ["es", "Español"]];
  var PAGE_LANG = /^es\b/i.test(document.documentElement.lang || "") ? "es" : "en";
  var STORE_KEY = "helpbot.conversation";
  var MAX_KEPT = 200;
  var PANEL_COVERS_PAGE = "(max-width: 30rem)";  /* chat-widget.css: the panel fills a phone's screen */
  var REPLY_TIMEOUT_MS = 15000;
  var LINK_RE = /(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)\]}'”]|www\.[^\s<>"]*[^\s<>".,;:!?)\]}'”]|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}|\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b)/g;

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORE_KEY) || "{}");
      return {
        sessionId: saved.sessionId || null, messages: saved.messages || [], open: !!saved.open,
        language: saved.language === "es" || saved.language === "en" ? saved.language : null
      };
    } catch (e) {
      return { sessionId: null, messages: [], open: false, language: null };
    }
  }
  var state = load();

  function language() { return state.language || PAGE_LANG; }

  /* The widget's own label `name` in the current language, `{posting}` filled in. */
  function t(name) {
    var texts = TEXTS[language()] || TEXTS.en || {};
    var text = texts[name] || (TEXTS.en || {})[name] || "";
    return text.replace("{posting}", root.getAttribute("data-posting-title") || texts.this_posting || "");
  }

  function save() {
    try {
      state.messages = state.messages.slice(-MAX_KEPT);
      window.localStorage.setItem(STORE_KEY, JSON.stringify(state));
    } catch (e) { /* private mode: the conversation just won't survive a reload */ }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  /* Text with web addresses, emails and phone numbers as links; everything else stays text. */
  function linkified(text) {
    var fragment = document.createDocumentFragment();
    var last = 0;
    String(text).replace(LINK_RE, function (match, _group, offset) {
      fragment.appendChild(document.createTextNode(text.slice(last, offset)));
      var link = el("a", null, match);
      if (match.indexOf("@") > 0 && match.indexOf("/") < 0) {
        link.href = "mailto:" + match;
      } else if (/^[\d(]/.test(match)) {
        link.href = "tel:+1" + match.replace(/\D/g, "");
      } else {
        link.href = match.indexOf("http") === 0 ? match : "https://" + match;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
      }
      fragment.appendChild(link);
      last = offset + match.length;
      return match;
    });
    fragment.appendChild(document.createTextNode(text.slice(last)));
    return fragment;
  }

  /* A citation's link on this site: the posting page's section (only our own paths, or web addresses). */
  function citationHref(citation) {
    var path = String(citation.path || "");
    if (/^\/postings\/[^\s#]+#[\w-]+$/.test(path)) { return path; }
    var url = String(citation.url || "");
    return /^https?:\/\//.test(url) ? url : null;
  }

  /* The caption ("From the posting: Application filing dates; Benefits") with each title a link. */
  function caption(message) {
    var line = el("p", "hb-cite");
    var rest = String(message.caption || "");
    (message.citations || []).forEach(function (citation) {
      var title = String(citation.title || "");
      var at = title ? rest.indexOf(title) : -1;
      var href = citationHref(citation);
      if (at < 0 || !href) { return; }
      line.appendChild(document.createTextNode(rest.slice(0, at)));
      var link = el("a", "hb-cite-link", title);
      link.href = href;
      link.addEventListener("click", function () {
        if (window.matchMedia && window.matchMedia(PANEL_COVERS_PAGE).matches) { setOpen(false, false); }
      });
      line.appendChild(link);
      rest = rest.slice(at + title.length);
    });
    line.appendChild(document.createTextNode(rest));
    return line;
  }

  /* A bot message from the socket: an answer's parts and citations when its payload has them. */
  function fromBot(message) {
    var custom = (message && message.custom) || {};
    var buttons = (message && (message.quick_replies || message.buttons)) || [];
    var kept = {
      from: "bot",
      text: (message && message.text) || "",
      buttons: buttons.map(function (b) { return { title: String(b.title), payload: String(b.payload) }; }),
      live: true
    };
    if (custom.kind === "answer" && Array.isArray(custom.parts)) {
      kept.parts = custom.parts.map(function (p) { return { kind: String(p.kind), text: String(p.text) }; });
      kept.caption = custom.caption ? String(custom.caption) : "";
      kept.citations = (custom.citations || []).map(function (c) {
        return { title: String(c.title || ""), path: String(c.path || ""), url: c.url ? String(c.url) : "" };
      });
    }
    return kept;
  }

  /* ---- the widget's DOM ---- */
  var launcher = el("button", "hb-launcher");
  launcher.type = "button";
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "hb-panel");

  var panel = el("section", "hb-panel");
  panel.id = "hb-panel";
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-labelledby", "hb-title");
  panel.hidden = true;

  var header = el("div", "hb-header");
  var title = el("h2", "hb-title");
  title.id = "hb-title";
  var switcher = el("div", "hb-languages");
  switcher.setAttribute("role", "group");
  var languageButtons = LANGUAGES.map(function (pair) {
    var choice = el("button", "hb-language", pair[1]);
    choice.type = "button";
    choice.lang = pair[0];
    choice.setAttribute("data-language", pair[0]);
    choice.addEventListener("click", function () { chooseLanguage(pair[0]); });
    switcher.appendChild(choice);
    return choice;
  });
  var closeButton = el("button", "hb-close", "×");
  closeButton.type = "button";
  header.appendChild(title);
  header.appendChild(switcher);
  header.appendChild(closeButton);

  var log = el("div", "hb-log");
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "polite");
  log.setAttribute("aria-relevant", "additions");
  log.tabIndex = 0;

  var typing = el("p", "hb-typing");
  typing.hidden = true;

  var form = el("form", "hb-form");
  var label = el("label", "hb-visually-hidden");
  label.htmlFor = "hb-input";
  var input = el("input", "hb-input");
  input.id = "hb-input";
  input.type = "text";
  input.autocomplete = "off";
  input.maxLength = 2000;
  var send = el("button", "hb-send");
  send.type = "submit";
  form.appendChild(label);
  form.appendChild(input);
  form.appendChild(send);

  var human = el("button", "hb-human");
  human.type = "button";

  /* Every label of the widget in the current language. */
  function relabel() {
    var current = language();
    panel.lang = current;
    launcher.lang = current;
    launcher.textContent = panel.hidden ? t("launcher") : t("close_chat");
    title.textContent = t("title");
    switcher.setAttribute("aria-label", t("language"));
    languageButtons.forEach(function (choice) {
      choice.setAttribute("aria-pressed", choice.getAttribute("data-language") === current ? "true" : "false");
    });
    closeButton.setAttribute("aria-label", t("close_label"));
    log.setAttribute("aria-label", t("conversation"));
    typing.textContent = t("typing");
    label.textContent = t("your_message");
    input.placeholder = t("placeholder");
    send.textContent = t("send");
    human.textContent = t("human");
  }

  panel.appendChild(header);
  panel.appendChild(log);
  panel.appendChild(typing);
  panel.appendChild(form);
  panel.appendChild(human);
  root.appendChild(panel);
  root.appendChild(launcher);

  /* ---- rendering ---- */
  function render(message) {
    var kind = { user: "hb-user", staff: "hb-staff" }[message.from] || "hb-bot";
    var item = el("div", "hb-msg " + kind);
    if (message.welcome) { item.className += " hb-welcome"; }
    if (message.from === "staff") {
      item.appendChild(el("span", "hb-from-staff", t("from_staff")));
    } else {
      item.appendChild(el("span", "hb-visually-hidden", message.from === "user" ? t("you_said") : t("assistant_said")));
    }
    if (message.parts && message.parts.length) {
      message.parts.forEach(function (part) {
        var piece = el("span", "hb-text hb-part" + (part.kind === "note" ? " hb-note" : ""));
        piece.appendChild(linkified(part.text || ""));
        item.appendChild(piece);
      });
      if (message.caption && message.citations && message.citations.length) { item.appendChild(caption(message)); }
    } else {
      var body = el("span", "hb-text");
      body.appendChild(linkified(message.welcome ? t("welcome") : message.text || ""));
      item.appendChild(body);
    }
    if (message.buttons && message.buttons.length && message.live) {
      var group = el("div", "hb-quick");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", t("suggested"));
      message.buttons.forEach(function (button) {
        var choice = el("button", "hb-quick-reply", button.title);
        choice.type = "button";
        choice.addEventListener("click", function () {
          group.remove();
          message.live = false;
          save();
          sendMessage(button.payload, button.title);
        });
        group.appendChild(choice);
      });
      item.appendChild(group);
    }
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }

  function remember(message) {
    state.messages.forEach(function (m) { m.live = false; });
    state.messages.push(message);
    save();
    Array.prototype.forEach.call(log.querySelectorAll(".hb-quick"), function (g) { g.remove(); });
    render(message);
  }

  /* ---- talking to Rasa ---- */
  var socket = io(SOCKET_URL, { path: "/socket.io", transports: ["websocket", "polling"] });
  var replyTimer = null;

  function showTyping(on) {
    typing.hidden = !on;
    if (replyTimer) { window.clearTimeout(replyTimer); replyTimer = null; }
    if (on) {
      replyTimer = window.setTimeout(function () {
        typing.hidden = true;
        remember({ from: "bot", text: t("no_answer") });
      }, REPLY_TIMEOUT_MS);
    }
  }

  function sendMessage(payload, shown) {
    var text = String(payload || "").trim();
    if (!text) { return; }
    remember({ from: "user", text: shown || text });
    showTyping(true);
    var metadata = { posting_id: POSTING_ID, channel: "website", lang: PAGE_LANG };
    if (state.language) { metadata.language = state.language; }
    socket.emit("user_uttered", { message: text, session_id: state.sessionId, metadata: metadata });
  }

  socket.on("connect", function () {
    socket.emit("session_request", { session_id: state.sessionId });
  });
  socket.on("session_confirm", function (sessionId) {
    state.sessionId = typeof sessionId === "string" ? sessionId : (sessionId && sessionId.session_id) || state.sessionId;
    save();
  });
  socket.on("bot_uttered", function (message) {
    if (message && message.from_staff) {
      remember({ from: "staff", text: String(message.text || "") });  /* a person, from the staff console */
      return;
    }
    showTyping(false);
    remember(fromBot(message));
  });

  /* ---- opening, closing, keyboard ---- */
  function setOpen(open, focus) {
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", open ? "true" : "false");
    launcher.textContent = open ? t("close_chat") : t("launcher");
    state.open = open;
    save();
    if (open && focus) { input.focus(); }
    if (!open && focus) { launcher.focus(); }
  }

  launcher.addEventListener("click", function () { setOpen(panel.hidden, true); });
  closeButton.addEventListener("click", function () { setOpen(false, true); });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { setOpen(false, true); }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = "";
    sendMessage(text);
  });
  human.addEventListener("click", function () { sendMessage("/request_human", t("human")); });

  /* The applicant picks a language: the widget's labels change, and it goes with every message. */
  function chooseLanguage(chosen) {
    state.language = chosen;
    save();
    relabel();
    Array.prototype.forEach.call(log.querySelectorAll(".hb-welcome .hb-text"), function (welcome) {
      welcome.textContent = t("welcome");
    });
  }

  relabel();
  state.messages.forEach(render);
  if (state.messages.length === 0) {
    state.messages.push({ from: "bot", welcome: true });
    render(state.messages[0]);
  }
  setOpen(state.open, false);
})();
