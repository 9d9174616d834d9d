# Atelier Self Data — one app replica. NOT exercised by the test suite (no container runtime
# on the test machines): a starting point matching docs/deploy.md, to check on your own
# infrastructure. Build: docker build -t selfdata .   Run: see compose.yaml.
FROM python:3.11-slim

# DejaVu fonts for the PDF exports; nothing else from the system is needed at run time.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --system --create-home --home-dir /home/selfdata selfdata
WORKDIR /app

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY .streamlit/config.toml .streamlit/config.toml
COPY workshop_app.py pyproject.toml ./
COPY selfdata selfdata
COPY pages pages
COPY cards cards
COPY scenarios scenarios
COPY schemas schemas

USER selfdata
ENV PYTHONUNBUFFERED=1
EXPOSE 8501
# Healthy = the web server answers AND the database can be read and written
# (Streamlit's /_stcore/health alone only proves the former).
HEALTHCHECK --interval=30s --timeout=10s \
    CMD python -c "import urllib.request as u; u.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)" \
        && python -m selfdata health
# Start-up refuses an unusable database with one clear line instead of serving tracebacks;
# `selfdata serve` erases the expired workshops before the server starts, and the server
# erases them every hour after (SELFDATA_PURGE_SECONDS; selfdata/app/retention.py).
CMD ["sh", "-c", "python -m selfdata health && exec python -m selfdata serve --replicas 1 --address 0.0.0.0 --port 8501"]
