# helpbot's image: one image, four processes (Rasa server, action server, careers site, staff console),
# each Kubernetes Deployment choosing its command (deploy/kubernetes/). The trained model is baked in
# at /app/models/helpbot.tar.gz; mount another one there to serve it without a rebuild.
#
#   docker build -t helpbot .
#   docker run --env-file .env -p 5005:5005 helpbot      # one replica of everything, as `make run`
#
# Settings come from the environment only (see .env.example); the image holds no secret, and its
# file system can be read-only apart from /tmp.

ARG PYTHON_IMAGE=python:3.10.13-slim-bookworm
ARG NODE_IMAGE=node:20.18-bookworm-slim

# The widget's socket.io client (and the test-only packages, left behind), from the lock file.
FROM ${NODE_IMAGE} AS widget
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

# Dependencies into a virtual env, then the model trained from the data in this commit.
FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    RASA_TELEMETRY_ENABLED=false \
    SQLALCHEMY_SILENCE_UBER_WARNING=1 \
    PATH=/opt/venv/bin:$PATH
WORKDIR /app
RUN python -m venv /opt/venv
# Exactly the packages requirements.lock pins, checked against their hashes; then helpbot itself.
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock
COPY pyproject.toml README.md ./
COPY base base
COPY applications applications
COPY staff staff
COPY helpdesk helpdesk
COPY knowledge knowledge
COPY actions actions
COPY bot bot
COPY console console
COPY rasa_sdk_plugins rasa_sdk_plugins
RUN pip install --no-deps --no-build-isolation .
COPY data data
RUN rasa train --config bot/config.yml --domain bot/domain --data data --out models --fixed-model-name helpbot

# The runtime: the virtual env, the sources (run from /app, so templates and static files are found),
# the model; a user of its own, no shell, no write access to the code.
FROM ${PYTHON_IMAGE} AS runtime
RUN groupadd --system --gid 10001 helpbot \
    && useradd --system --uid 10001 --gid helpbot --home-dir /tmp --shell /usr/sbin/nologin helpbot
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONPATH=/app \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOME=/tmp \
    RASA_TELEMETRY_ENABLED=false \
    SQLALCHEMY_SILENCE_UBER_WARNING=1 \
    TF_CPP_MIN_LOG_LEVEL=2 \
    HELPBOT_POSTINGS_DIR=/postings
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
# The sources and the trained model as the build stage holds them: the package list is kept once.
COPY --from=build /app /app
COPY web web
COPY deploy deploy
COPY --from=widget /web/node_modules/socket.io-client/dist/socket.io.min.js web/static/vendor/socket.io.min.js
USER 10001:10001
EXPOSE 5005 5055 8080 8090
CMD ["helpbot", "serve"]
