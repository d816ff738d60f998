# syntax=docker/dockerfile:1
# One image per service from this one file:
#   docker build --build-arg SERVICE=api-service -t stock-alerts/api-service .
# SERVICE is one of api-service, alert-consumer, persistence-consumer, analytics-consumer.
# Every container listens on 8080 (SERVER_PORT) whatever the service, with /livez and /readyz for probes, and
# serves its actuator on 9080 (MANAGEMENT_SERVER_PORT), bound to 127.0.0.1 unless STOCKALERTS_MANAGEMENT_ADDRESS
# says otherwise; docker-compose.yml maps the host ports (the actuator's it does not publish).
# scripts/container-test.sh builds all four with this file and runs them (docs/operations.md).

ARG JAVA_VERSION=21
# BuildKit (buildx) sets BUILDPLATFORM itself; Docker's legacy builder does not, and needs this default.
ARG BUILDPLATFORM=linux/amd64

# The jars are the same on every platform: build them once, natively (no QEMU emulation for the arm64 image).
# This stage builds all four services and does not depend on SERVICE, so building the four images shares it.
FROM --platform=$BUILDPLATFORM eclipse-temurin:${JAVA_VERSION}-jdk AS build
WORKDIR /src

# The wrapper and every pom of the reactor first (a module missing here breaks the build: DockerfileModulesTest
# checks the list): this layer and the dependency download below (kept in the layer, so a registry or GitHub
# Actions layer cache carries it) are rebuilt only when a pom changes, not on every source change.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
COPY common/pom.xml common/
COPY test-support/pom.xml test-support/
COPY api-service/pom.xml api-service/
COPY alert-consumer/pom.xml alert-consumer/
COPY persistence-consumer/pom.xml persistence-consumer/
COPY analytics-consumer/pom.xml analytics-consumer/
COPY deploy/pom.xml deploy/
COPY e2e-tests/pom.xml e2e-tests/
ARG SERVICES=api-service,alert-consumer,persistence-consumer,analytics-consumer
RUN ./mvnw -B -q -pl "${SERVICES}" -am dependency:go-offline -DexcludeGroupIds=org.stockalerts

# The sources the services are built from: common, test-support (a test-scoped module of every service) and theirs.
COPY common/src/ common/src/
COPY test-support/src/ test-support/src/
COPY api-service/src/ api-service/src/
COPY alert-consumer/src/ alert-consumer/src/
COPY persistence-consumer/src/ persistence-consumer/src/
COPY analytics-consumer/src/ analytics-consumer/src/
RUN ./mvnw -B -q -pl "${SERVICES}" -am -Dmaven.test.skip=true package

# The one service's jar, split into Spring Boot's layers.
FROM build AS layers
ARG SERVICE=api-service
RUN jar="$(ls "${SERVICE}/target/${SERVICE}-"*.jar 2>/dev/null | head -n 1)" \
    && { [ -n "$jar" ] || { echo "SERVICE=${SERVICE} is not a service of this build" >&2; exit 1; }; } \
    && java -Djarmode=tools -jar "$jar" extract --layers --launcher --destination /layers

FROM eclipse-temurin:${JAVA_VERSION}-jre
ARG SERVICE=api-service
LABEL org.opencontainers.image.title="stock-alerts-${SERVICE}" \
      org.opencontainers.image.description="Stock Alerts ${SERVICE}"
# /app/state: Kafka Streams state (STOCKALERTS_STATE_DIR in docker-compose.yml), writable by the app user.
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app \
    && mkdir -p /app/state \
    && chown app:app /app/state
WORKDIR /app
# Least-changing layers first, so a code change ships only the last, small layer.
COPY --from=layers /layers/dependencies/ ./
COPY --from=layers /layers/spring-boot-loader/ ./
COPY --from=layers /layers/snapshot-dependencies/ ./
COPY --from=layers /layers/application/ ./
USER app:app
ENV SERVER_PORT=8080 \
    MANAGEMENT_SERVER_PORT=9080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
# The full health (Kafka, PostgreSQL) on the actuator's port, from inside the container; bash's /dev/tcp instead of
# curl, which the JRE image need not carry; 503 (DOWN) fails the check.
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=5 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/${STOCKALERTS_MANAGEMENT_ADDRESS:-127.0.0.1}/${MANAGEMENT_SERVER_PORT} && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
