# The image Kubernetes runs (deploy/kubernetes): the runnable jar on a JRE, as a non-root user, with
# config/ and routes/ beside it (Kubernetes mounts its ConfigMaps over them). Build after `mvn package`:
#   docker build -t camelbyte:0.1.0 .
# Not built in this repository's CI: the machine it runs on has no container engine.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 camelbyte && useradd --system --uid 10001 --gid camelbyte --home-dir /app camelbyte
WORKDIR /app
COPY target/camelbyte.jar /app/camelbyte.jar
COPY config/ /app/config/
COPY routes/ /app/routes/
# /app/lib: JDBC drivers the jar does not carry (drivers.dir), read at start; add one in an image of your own
# (FROM camelbyte:0.1.0, COPY snowflake-jdbc-3.x.jar /app/lib/) or a volume mounted there (docs/deployment.md)
RUN mkdir -p /app/data /app/lib && chown camelbyte:camelbyte /app/data
USER 10001:10001
EXPOSE 8080 9876
# Heap from the container's memory limit, not the node's; the rest is metaspace, threads and direct buffers.
# Exit on OutOfMemoryError so Kubernetes restarts the pod, and its runs are resumed from the state database.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=70 -XX:InitialRAMPercentage=30 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/camelbyte.jar"]
