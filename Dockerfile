# Imagen de producción de SAC Ríos del Desierto: API + pantallas React en un puerto (8000).
FROM node:20-bookworm-slim AS frontend
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 APP_ENV=production GUNICORN_BIND=0.0.0.0:8000
# Driver ODBC 18 de Microsoft para SQL Server (repositorio oficial de Microsoft para Debian 12).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl gnupg ca-certificates unixodbc \
    && curl -fsSL https://packages.microsoft.com/keys/microsoft.asc \
       | gpg --dearmor -o /usr/share/keyrings/microsoft-prod.gpg \
    && curl -fsSL https://packages.microsoft.com/config/debian/12/prod.list \
       > /etc/apt/sources.list.d/mssql-release.list \
    && apt-get update \
    && ACCEPT_EULA=Y apt-get install -y --no-install-recommends msodbcsql18 \
    && apt-get purge -y curl gnupg && apt-get autoremove -y && rm -rf /var/lib/apt/lists/*
RUN useradd --system --create-home --home-dir /opt/sac sac
WORKDIR /opt/sac
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt
COPY --chown=sac:sac . .
COPY --from=frontend --chown=sac:sac /src/frontend/dist ./frontend/dist
RUN mkdir -p instance && chown sac:sac instance
USER sac
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/api/salud').status==200 else 1)"
CMD ["sh", "-c", "flask --app app db upgrade && exec gunicorn --config gunicorn.conf.py 'app:create_app()'"]
