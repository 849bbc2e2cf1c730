package dev.pipestore.cli;

import dev.pipestore.catalog.Catalog;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.wiring.Backends;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pipestore migrate}: applies pending catalog schema migrations (they are also applied on every start). */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply pending schema migrations to the catalog database.")
final class MigrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StoreConfig config = StoreConfig.fromEnv();
        try (Catalog catalog = Backends.openCatalog(config, false)) {
            int applied = catalog.migrate();
            spec.commandLine().getOut().printf("%s: %d migration(s) applied, schema up to date%n", catalog.describe(), applied);
        }
        return 0;
    }
}
