# A runner base image with ffmpeg, for mp3 audio and video inputs in a cluster (the default base,
# eclipse-temurin:17-jre, has none; WAV audio and images need nothing). Build it, then the runner image on it:
#   docker build -t REGISTRY/redline-runner-base:17-ffmpeg -f runner/src/main/docker/media-base.Dockerfile .
#   ./mvnw -Pimages -DskipTests package -Dredline.runner.base=REGISTRY/redline-runner-base:17-ffmpeg
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg \
 && rm -rf /var/lib/apt/lists/*
