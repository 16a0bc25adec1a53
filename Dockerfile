# syntax=docker/dockerfile:1
# One image for our programs: the shipper, the demo app and the stand-in. docker-compose.yml chooses the command.
# The jars keep the paths they have in a checkout, so commands read as in the README and app/Procfile.

FROM maven:3.9.11-eclipse-temurin-21 AS build
WORKDIR /build
COPY . .
# The cache keeps Maven's downloads between builds.
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests package

FROM eclipse-temurin:21.0.8_9-jre
# curl for the health checks in docker-compose.yml.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --no-create-home --home-dir /opt/heroku-elk heroku-elk
WORKDIR /opt/heroku-elk
COPY --from=build /build/shipper/target/shipper.jar shipper/target/shipper.jar
COPY --from=build /build/app/target/app.jar app/target/app.jar
# The stand-in's dynos run the web command of app/Procfile.
COPY --from=build /build/app/Procfile app/Procfile
COPY --from=build /build/standin/target/standin.jar standin/target/standin.jar
USER heroku-elk
CMD ["java", "-jar", "shipper/target/shipper.jar", "ingest"]
