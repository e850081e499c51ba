# The congkhai program, with ECharts built in, in a small Debian image for
# CI and for editors without Go or Node:
#
#   docker build --build-arg VERSION=v1.2.0 -t congkhai .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/site" congkhai check
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/site" congkhai build
#
# Images are pinned by version tag (not yet by digest: pin them by digest
# where the registry can be reached, `docker buildx imagetools inspect`).
# The runtime is Debian slim rather than distroless so that GitLab CI
# (image:) and GitHub (container:) can run their shell in it.

# 1. The npm packages package-lock.json pins: ECharts.
FROM node:20.20.2-bookworm-slim AS npm
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --omit=dev

# 2. The program, built as scripts/release builds it, with ECharts copied
#    in by go generate. There is no .git in the build context, so the
#    version and revision are stamped from the build arguments.
FROM golang:1.26.8-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
COPY --from=npm /src/node_modules ./node_modules
ARG VERSION=
ARG REVISION=
RUN go generate ./internal/echarts \
 && CGO_ENABLED=0 go build -trimpath -buildvcs=false \
    -ldflags "-s -w -X main.stampedVersion=${VERSION} -X main.stampedRevision=${REVISION}" \
    -o /out/congkhai ./cmd/congkhai \
 && /out/congkhai --version

# 3. The program alone, with the certificates check --external needs.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/congkhai /usr/local/bin/congkhai
COPY --from=build /src/internal/echarts/dist/LICENSE /usr/share/doc/echarts/LICENSE
COPY --from=build /src/internal/echarts/dist/NOTICE /usr/share/doc/echarts/NOTICE
WORKDIR /site
ENTRYPOINT ["congkhai"]
CMD ["--help"]
