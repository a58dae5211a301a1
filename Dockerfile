# NewsPortal container image: a .NET 10 SDK build stage and a small run stage (runtime-deps: only what .NET needs from
# the system), since the published application carries its own runtime, precompiled together with it.
#
# No registry host is written here. Microsoft publishes the base images as dotnet/sdk and dotnet/runtime-deps on its own
# container registry; operators name the registry (or their mirror of it) at build time, with a trailing slash:
#
#   docker build --build-arg REGISTRY=<their registry host>/ -t newsportal .
#
# Run it with the data volume, and give it time to finish in-flight requests on stop (see STOPSIGNAL below):
#
#   docker run -d -p 8080:8080 -v newsportal-data:/data --stop-timeout 40 newsportal
#
# deploy/smoke.sh reads the ENV lines of the final stage (one `ENV KEY=VALUE` per line) and runs the published
# output with exactly that environment: keep that form when adding settings.
ARG REGISTRY=""

# ---------------------------------------------------------------------------------------------------------------
FROM ${REGISTRY}dotnet/sdk:10.0 AS build
WORKDIR /src
ENV DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1

# Restore first, from the project files only, so this layer is reused until a package or project reference changes.
# (The tests are not part of the image; restore the web project, not the solution that also lists them.)
# A NuGet.Config at the repository root (a package mirror, say) is used when present; the pattern matches none otherwise.
COPY Directory.Build.props Directory.Packages.props NewsPortal.sln [Nn]u[Gg]et.[Cc]onfig ./
COPY src/NewsPortal/NewsPortal.csproj src/NewsPortal/
COPY src/NewsPortal.Core/NewsPortal.Core.csproj src/NewsPortal.Core/
COPY migrations/Sqlite/NewsPortal.Migrations.Sqlite.csproj migrations/Sqlite/
COPY migrations/Postgres/NewsPortal.Migrations.Postgres.csproj migrations/Postgres/
# For the platform being built (set by docker buildx): a self-contained publish for it, precompiled (ReadyToRun) with
# the frameworks as one composite image (PublishReadyToRunComposite in NewsPortal.csproj says why).
ARG TARGETARCH
RUN dotnet restore src/NewsPortal/NewsPortal.csproj -a "$TARGETARCH" -p:SelfContained=true

# Then the sources, settings, static files and seed pages (.dockerignore keeps bin/, obj/, data/ and tests out).
COPY . .
# The composite takes a few minutes on two cores.
RUN dotnet publish src/NewsPortal -c Release -a "$TARGETARCH" --self-contained -o /app --no-restore

# ---------------------------------------------------------------------------------------------------------------
FROM ${REGISTRY}dotnet/runtime-deps:10.0
WORKDIR /app

# The application is owned by root: the app user can read it but never change it.
COPY --from=build /app .

# All state (database, photos, pending imports) lives in /data. The .NET images (runtime-deps too) define APP_UID and
# a non-root `app` user with that uid; a new named volume mounted on /data starts out owned by it. No VOLUME line:
# it would hand a forgotten -v an anonymous volume that the next image never sees. The portal refuses to start when
# /data is not a mounted volume (the database would live in the throw-away container layer) or not writable.
RUN mkdir /data && chown $APP_UID /data && chmod 700 /data

USER $APP_UID
EXPOSE 8080

ENV ASPNETCORE_ENVIRONMENT=Production
ENV ASPNETCORE_HTTP_PORTS=8080
ENV Storage__DataFolder=/data
ENV Storage__CreateDataFolder=false
ENV Storage__RequireMountedDataFolder=true
# Workstation GC: a small memory footprint for a single small site.
ENV DOTNET_gcServer=0
# A 4 MB allocation budget between collections instead of one sized to the CPU cache (here 32 MB of L3): 14 MB less
# resident memory after load, with no measurable change in throughput, latency, start or import (bench/README.md).
# The GC reads this setting only from the environment, not from runtimeconfig.json.
ENV DOTNET_GCgen0size=0x400000
ENV DOTNET_NOLOGO=1

# `healthcheck` GETs http://127.0.0.1:$ASPNETCORE_HTTP_PORTS/health/ready and exits 0 or 1 (the image has no curl).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["./NewsPortal", "healthcheck"]

# On SIGTERM the portal stops accepting connections and finishes in-flight requests within 30 s, so give it more than
# Docker's default 10 s before SIGKILL: `docker run --stop-timeout 40` (compose.yaml sets stop_grace_period: 40s).
STOPSIGNAL SIGTERM
ENTRYPOINT ["./NewsPortal"]
