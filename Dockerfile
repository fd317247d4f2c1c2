# tarikh in a container: `docker build -t tarikh .` then
#   docker run -p 8080:8080 -v tarikh-data:/data -e TARIKH_TOKEN=... tarikh
# The database lives on the /data volume; the server runs as an unprivileged
# user and answers /healthz for the HEALTHCHECK.

FROM rust:1.94-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock build.rs rustfmt.toml clippy.toml ./
COPY src ./src
COPY migrations ./migrations
COPY data ./data
COPY benches ./benches
COPY tests ./tests
RUN cargo build --release --locked --bin tarikh

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin tarikh \
    && mkdir -p /data && chown tarikh:tarikh /data
COPY --from=build /src/target/release/tarikh /usr/local/bin/tarikh
USER tarikh
WORKDIR /data
VOLUME ["/data"]
ENV TARIKH_DB=/data/tarikh.db \
    TARIKH_ADDR=0.0.0.0:8080 \
    RUST_LOG=info
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
# SIGTERM (docker stop) finishes in-flight requests and checkpoints the WAL
# into /data/tarikh.db before exiting.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/tarikh"]
CMD ["serve"]
