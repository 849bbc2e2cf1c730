# Sourced by ./pipestore, scripts/test, scripts/bench and scripts/s3proxy. Sets and exports JAVA_HOME to a JDK 21 or newer, or exits with a message,
# and readies MAVEN_OPTS for it.

java_major() {  # prints the major version of the java binary $1, or nothing
  "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\)[."].*/\1/p' | head -n 1
}

find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-*-jdk* \
                   /usr/lib/jvm/java-2[1-9]-openjdk* /usr/lib/jvm/*/ /opt/java/openjdk /usr/local/opt/openjdk; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major="$(java_major "$candidate/bin/java")"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "${candidate%/}"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME="$(find_jdk)"; then
  echo "pipestore: no JDK 21 or newer found. Install one (for example Temurin 25) and set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME

# Maven's own libraries trip JDK 24+'s sun.misc.Unsafe warnings; they say nothing about pipestore.
if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
