# Production image: gunicorn serves the app, whitenoise its static files.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

RUN useradd --create-home --uid 1000 alliance

COPY pyproject.toml README.md ./
RUN pip install .

COPY . .
# collectstatic needs importable settings only; these throwaway values never reach runtime.
RUN DEBUG=false SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost \
    NOTES_ENCRYPTION_KEYS=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= \
    ALLIANCE_VAR_DIR=/tmp/alliance-build \
    python manage.py collectstatic --noinput \
 && mkdir -p /app/var && chown -R alliance:alliance /app/var

USER alliance
EXPOSE 8000
CMD ["gunicorn", "alliance.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--access-logfile", "-", "--forwarded-allow-ips", "*"]
