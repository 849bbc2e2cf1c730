package dev.pipestore;

import dev.pipestore.testing.audio.TestAudio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java example in README.md compiles and runs as printed, on the embedded defaults. */
class ReadmeExampleTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?public class Example.*?)```", Pattern.DOTALL);

    @TempDir
    Path workDir;

    @Test
    void readmeExampleCompilesAndRuns() throws Exception {
        String source = exampleFromReadme();
        Path classes = Files.createDirectories(workDir.resolve("classes"));
        Path file = Files.writeString(workDir.resolve("Example.java"), source);
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-cp", System.getProperty("java.class.path"), "-d", classes.toString(), file.toString());
        assertThat(compiled).as("javac exit code").isZero();
        Files.write(workDir.resolve("call.wav"), TestAudio.wav(3.2, 16000));

        String javaBin = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(javaBin, "--enable-native-access=ALL-UNNAMED", "-cp",
                classes + java.io.File.pathSeparator + System.getProperty("java.class.path"), "Example")
                .directory(workDir.toFile())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("MINIO_") || name.startsWith("DATABASE_")
                || name.startsWith("REDIS_") || name.startsWith("PIPESTORE_"));
        Process process = builder.start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("[0-9a-f-]{36} 3 s, 1 transcription\\(s\\)");
        assertThat(workDir.resolve("pipestore-data/catalog.db")).exists();
    }

    private static String exampleFromReadme() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher matcher = JAVA_BLOCK.matcher(readme);
        assertThat(matcher.find()).as("README.md has a ```java block with public class Example").isTrue();
        return matcher.group(1);
    }
}
