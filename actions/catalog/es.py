"""helpbot's own words in Spanish, by name (actions.names), and the answers' phrases (knowledge.answers.PHRASES).

Quotes from a posting stay in English, introduced as such; dates are written the Spanish way.
"""

from __future__ import annotations

from actions import names

TEXTS: dict[str, str] = {
    names.REPLY_TOPIC_ANSWER: "{answer}",
    names.REPLY_SEARCH_ANSWER: "{answer}",
    names.REPLY_ASK_REPHRASE: (
        "¿Podría decirme un poco más sobre lo que quiere saber de la convocatoria {posting}? Por ejemplo, "
        "la fecha límite, los requisitos, el sueldo o cómo aplicar."
    ),
    names.REPLY_NOTHING_TO_SHOW: (
        "Lo siento, no tengo una respuesta más larga que mostrar. Pregúnteme lo que quiera sobre la convocatoria."
    ),
    names.REPLY_NOT_STATED: "La convocatoria {posting} no indica {topic}{note}. {contact}",
    names.REPLY_ASK_WHICH_POSTING: "¿Sobre qué convocatoria pregunta?",
    names.REPLY_ASK_WHICH_OF_MANY_POSTINGS: (
        "¿Sobre qué convocatoria pregunta? Hay {count} que coinciden; aquí están las primeras {shown}. "
        "También puede escribir el puesto, el empleador o el número de la convocatoria."
    ),
    names.REPLY_POSTING_SELECTED: "Muy bien, hablemos de la convocatoria {posting}. ¿Qué le gustaría saber?",
    names.REPLY_OUT_OF_SCOPE: (
        "Lo siento, solo puedo ayudar con preguntas sobre convocatorias de empleo y solicitudes. Pregunte, "
        "por ejemplo, por la fecha límite, los requisitos, el sueldo o cómo aplicar."
    ),
    names.REPLY_KB_EMPTY: (
        "Lo siento, ahora mismo no tengo convocatorias cargadas, así que no puedo responder eso. Consulte el "
        "sitio web de empleos o comuníquese con la oficina de recursos humanos."
    ),
    names.REPLY_CAPABILITIES: (
        "Respondo preguntas sobre convocatorias de empleo con su propio texto: {topics}. Solo pregunte, por "
        'ejemplo, "¿cuál es la fecha límite?".\nConvocatorias que conozco:\n{postings}'
    ),
    names.REPLY_HUMAN_CONTACTS: "Mientras tanto, estos son los contactos que da la convocatoria:\n{contacts}",
    names.REPLY_NO_CONTACTS: "{handoff}\n\n{contact}",
    names.REPLY_HANDOFF_CREATED: (
        "Pasé esta conversación a la mesa de ayuda y una persona la leerá. Si quiere la respuesta por correo "
        "electrónico, escriba ahora su dirección de correo."
    ),
    names.REPLY_HANDOFF_CREATED_LIVE: (
        "Pasé esta conversación a la mesa de ayuda y una persona la leerá. Deje este chat abierto y su "
        "respuesta aparecerá aquí; o, si la quiere por correo electrónico, escriba ahora su dirección de correo."
    ),
    names.REPLY_HANDOFF_EMAIL_SAVED: (
        "Gracias. La mesa de ayuda le responderá a esa dirección (se guarda solo con su solicitud)."
    ),
    names.REPLY_HANDOFF_UNAVAILABLE: "No pude pasar esta conversación a la mesa de ayuda en este momento.",
    names.REPLY_STATUS: "{status}",
    names.REPLY_STATUS_FAILED: (
        "Lo siento, no encontré ninguna solicitud con ese número de solicitud y ese correo electrónico. Revise "
        "ambos (el número viene en el correo de confirmación que recibió al aplicar) y vuelva a preguntarme."
    ),
    names.REPLY_STATUS_GIVE_UP: (
        "Lo siento, sigo sin poder verificar esos datos, así que dejaré de preguntar por ahora. {contact}"
    ),
    names.REPLY_STATUS_UNAVAILABLE: (
        "Lo siento, ahora no puedo consultar el estado de las solicitudes. Inténtelo más tarde. {contact}"
    ),
    names.REPLY_NOT_AN_ID: (
        "Eso no parece un número de solicitud. Es un código como A-10234, que viene en el correo de confirmación "
        'que recibió al aplicar. (Diga "cancelar" para dejarlo).'
    ),
    names.REPLY_NOT_AN_EMAIL: (
        "Eso no parece una dirección de correo electrónico. Escriba la dirección con la que aplicó, por ejemplo "
        'nombre@ejemplo.com. (Diga "cancelar" para dejarlo).'
    ),
    names.REPLY_STATUS_PERSONAL_ONLY: (
        "Por su privacidad, solo consulto el estado de una solicitud en un chat personal. Escríbame "
        "directamente (no en este grupo o canal) y vuelva a preguntar."
    ),
    names.REPLY_EMPLOYEE_VPN: "¿Aplica desde fuera de la red? {vpn}",
    names.CAPTION_FROM_POSTING: "De la convocatoria: {sections}",
    names.REPLY_STATUS_HINT: (
        "¿Quiere consultar el estado de su solicitud? Pregunte \"¿cuál es el estado de mi solicitud?\" y le "
        "pediré su número de solicitud y su correo electrónico."
    ),
    names.REPLY_STATUS_CANCELLED: "De acuerdo, lo dejo. Pregúnteme cualquier otra cosa sobre la convocatoria.",
    names.REPLY_NOTHING_TO_CANCEL: "De acuerdo. ¿Hay algo más que quiera saber sobre alguna convocatoria?",
    names.REPLY_GREET: (
        "¡Hola! Soy el asistente para solicitudes de empleo. Pregúnteme sobre una convocatoria: la fecha límite, "
        "los requisitos, los certificados de estudios, el sueldo, las prestaciones, el acceso por VPN, las "
        "adaptaciones y más."
    ),
    names.REPLY_GOODBYE: "¡Adiós, y mucha suerte con su solicitud!",
    names.REPLY_YOU_ARE_WELCOME: "¡De nada! ¿Algo más sobre la convocatoria?",
    names.REPLY_I_AM_A_BOT: (
        "Soy un asistente automático, no una persona. Respondo con el propio texto de la convocatoria. Si "
        'prefiere hablar con una persona, diga "hablar con una persona" y le daré los contactos de la convocatoria.'
    ),
    names.ASK_APPLICATION_ID: (
        "Con gusto lo consulto. Primero, ¿cuál es su número de solicitud? Viene en el correo de confirmación "
        "que recibió al aplicar."
    ),
    names.ASK_APPLICANT_EMAIL: "Gracias. ¿Y el correo electrónico con el que aplicó?",
    # pieces
    names.PIECE_CONTACT: (
        "Para más información, puede comunicarse con {contact} (dato de la sección “{section}” de la convocatoria)."
    ),
    names.PIECE_CITED_CONTACT: "Para más información, puede comunicarse con {contact}.",
    names.PIECE_NO_CONTACT: (
        "La convocatoria no da ningún correo electrónico ni teléfono; comuníquese con la oficina de recursos "
        "humanos de {organisation} a través del anuncio donde encontró la convocatoria."
    ),
    names.PIECE_EMPTY_SECTION: " (su sección “{section}” está vacía)",
    names.PIECE_ABOUT: "nada sobre «{subject}»",
    names.PIECE_AN_ANSWER: "una respuesta a eso",
    names.PIECE_NTH_ITEM: "un número {number} en mi última respuesta",
    names.PIECE_QUOTE_INTRO: "La convocatoria dice (en inglés):",
    names.PIECE_TOPIC_SUMMARY: (
        "fechas límite y periodos de inscripción, requisitos mínimos, certificados de estudios y evaluación de "
        "títulos extranjeros, acceso por VPN para empleados, adaptaciones razonables, sueldo, prestaciones, el "
        "proceso de selección y la lista de elegibilidad, funciones, ubicación, número de convocatoria, periodo "
        "de prueba, revisión de antecedentes, preguntas suplementarias y a quién contactar"
    ),
    names.PIECE_STATUS_CONTACT: "Para obtener ayuda, comuníquese con {contact}.",
    names.PIECE_STATUS_NO_CONTACT: (
        "Para obtener ayuda, comuníquese con la oficina de recursos humanos del empleador al que presentó su solicitud."
    ),
    names.PIECE_GENERIC_CONTACT: (
        "Si vuelve a pasar, comuníquese con la oficina de recursos humanos del empleador."
    ),
    names.PIECE_THE_EMPLOYER: "el empleador",
    names.PIECE_OVERVIEW: "Datos generales",
    names.BUTTON_SHOW_WHOLE: "Ver la sección completa",
    # the chat widget (web/static/chat-widget.js); {posting} is the page's posting title
    "widget_launcher": "¿Preguntas? Escríbanos",
    "widget_close_chat": "Cerrar el chat",
    "widget_title": "Asistente para solicitudes de empleo",
    "widget_close_label": "Cerrar el chat",
    "widget_conversation": "Conversación",
    "widget_typing": "El asistente está escribiendo…",
    "widget_your_message": "Su mensaje",
    "widget_placeholder": "Pregunte sobre {posting}",
    "widget_send": "Enviar",
    "widget_human": "Hablar con una persona",
    "widget_you_said": "Usted dijo: ",
    "widget_assistant_said": "Asistente: ",
    "widget_suggested": "Respuestas sugeridas",
    "widget_no_answer": "Lo siento, no llegó ninguna respuesta. Inténtelo de nuevo en un momento.",
    "widget_welcome": (
        "¡Hola! Pregúnteme lo que quiera sobre {posting}: la fecha límite, los requisitos, el sueldo, cómo aplicar…"
    ),
    "widget_this_posting": "esta convocatoria",
    "widget_language": "Idioma",
    "widget_from_staff": "Personal de la mesa de ayuda",
    # the channels
    names.CHANNEL_TOO_LONG: (
        "Lo siento, ese mensaje es demasiado largo para mí ({length} caracteres). Acórtelo a {limit} caracteres "
        "como máximo, o haga una pregunta a la vez."
    ),
    names.CHANNEL_APOLOGY: (
        "Lo siento, algo falló de mi lado y no pude responder eso. Inténtelo de nuevo en un momento. {contact}"
    ),
    names.CHANNEL_SLOW_DOWN: (
        "Está enviando mensajes más rápido de lo que puedo responder. Espere un momento y vuelva a intentarlo."
    ),
    names.CHANNEL_BAD_MESSAGE: "Lo siento, no pude leer ese mensaje. Escriba su pregunta de nuevo.",
    names.CHANNEL_TOO_LARGE: "la solicitud es demasiado grande (como máximo {limit} bytes)",
    names.CHANNEL_CONTINUED: "… El resto está en la convocatoria.",
    names.CHANNEL_OPEN_SECTION: "Abrir la sección",
    # topics, as in "La convocatoria no indica <label>"
    "topic_deadline": "una fecha límite para aplicar",
    "topic_vpn": "nada sobre el acceso por VPN",
    "topic_transcripts": "nada sobre certificados de estudios ni sobre la evaluación de títulos extranjeros",
    "topic_accommodation": "cómo pedir una adaptación razonable",
    "topic_salary": "el sueldo",
    "topic_requirements": "los requisitos mínimos",
    "topic_selection_process": "el proceso de selección",
    "topic_eligibility_list": "nada sobre una lista de elegibilidad",
    "topic_benefits": "las prestaciones",
    "topic_contact": "ningún contacto",
    "topic_technical_help": "dónde obtener ayuda técnica con la solicitud",
    "topic_confirmation_email": "nada sobre un correo de confirmación",
    "topic_location": "la ubicación ni el departamento del puesto",
    "topic_job_number": "un número de convocatoria",
    "topic_duties": "las funciones del puesto",
    "topic_probation": "un periodo de prueba",
    "topic_background_check": "nada sobre una revisión de antecedentes",
    "topic_supplemental_questions": "ninguna pregunta suplementaria",
    # application statuses, in plain language
    "application_status_received": "Recibimos su solicitud.",
    "application_status_minimum_qualifications_review": (
        "Su solicitud se está revisando frente a los requisitos mínimos."
    ),
    "application_status_transcript_verification": "Se están verificando sus documentos de estudios (certificados).",
    "application_status_assessment_scheduled": "Tiene programada la evaluación.",
    "application_status_eligible_list": "Aprobó la evaluación y está en la lista de elegibilidad (de contratación).",
    "application_status_referred": "Su nombre se envió al departamento que contrata.",
    "application_status_selected": "Fue seleccionado para el puesto.",
    "application_status_not_selected": "No fue seleccionado para este puesto.",
    "application_status_withdrawn": "Su solicitud fue retirada.",
    "transcript_status_not_required": "Esta solicitud no necesita certificados de estudios.",
    "transcript_status_not_received": "Todavía no recibimos sus certificados de estudios.",
    "transcript_status_received": "Recibimos sus certificados de estudios; están pendientes de verificación.",
    "transcript_status_foreign_evaluation_pending": "La evaluación de sus estudios en el extranjero está pendiente.",
    "transcript_status_verified": "Sus certificados de estudios están verificados.",
    "transcript_status_rejected": "Sus certificados de estudios no se pudieron aceptar.",
    "status_application_for": "Su solicitud para {posting}:",
    "status_status": "Estado: {status}",
    "status_last_updated": "Última actualización: {date}.",
    "status_rank": "Su lugar en la lista: {rank}.",
    "status_comes_next": "Lo que la convocatoria dice que sigue (en inglés): {text} (sección “{section}”)",
    "status_transcripts": "Certificados de estudios: {status}",
    "status_posting_asks": "Lo que pide la convocatoria (en inglés): {text} (sección “{section}”)",
    "status_next_step": "Próximo paso: {text}",
    # the answers' phrases (knowledge.answers.PHRASES)
    "phrase_filing_period": "Periodo de inscripción: {text}",
    "phrase_closes_on": "Las solicitudes se cierran el {date}.",
    "phrase_opening_date": "Fecha de apertura: {date}.",
    "phrase_not_open_yet": "A día de hoy ({today}), el periodo de inscripción todavía no ha abierto.",
    "phrase_ended": "A día de hoy ({today}), ese periodo de inscripción ya terminó.",
    "phrase_open_last_day": "A día de hoy ({today}), el periodo de inscripción está abierto (hoy es el último día).",
    "phrase_open_one_day_left": "A día de hoy ({today}), el periodo de inscripción está abierto (queda 1 día).",
    "phrase_open_days_left": "A día de hoy ({today}), el periodo de inscripción está abierto (quedan {days} días).",
    "phrase_open_until_closed": (
        "A día de hoy ({today}), la convocatoria no da fecha de cierre: sigue abierta hasta que se cierre."
    ),
    "phrase_open_until_closed_first_passed": (
        "A día de hoy ({today}), la convocatoria no da fecha de cierre: sigue abierta hasta que se cierre, y la "
        "fecha de primera consideración ({date}) ya pasó."
    ),
    "phrase_no_closing_date": "La convocatoria no da una fecha de cierre.",
    "phrase_salary": "Sueldo: {text}",
    "phrase_location": "Ubicación: {text}",
    "phrase_department": "Departamento: {text}",
    "phrase_division": "División: {text}",
    "phrase_site": "Sede: {text}",
    "phrase_job_type": "Tipo de puesto: {text}",
    "phrase_job_number": "Número de convocatoria: {text}",
    "phrase_supplemental_questions": "La solicitud hace estas preguntas suplementarias:",
    "phrase_contact_selection": "Preguntas sobre el proceso de selección: {text}",
    "phrase_contact_technical": "Ayuda técnica con la solicitud en línea: {text}",
    "phrase_contact_it_help": "Ayuda con la VPN / informática: {text}",
    "phrase_contact_accommodation": "Adaptaciones razonables: {text}",
    "phrase_contact_extension": "Extensiones del plazo: {text}",
    "phrase_contact_evaluation": "Evaluadores aprobados de títulos extranjeros: {text}",
    "phrase_contact_equal_opportunity": "Consultas sobre igualdad de oportunidades: {text}",
    "phrase_contact_general": "Información general: {text}",
    "phrase_contact_other": "Contacto: {text}",
}
