package dev.pipestore.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.PipeStore;
import dev.pipestore.access.CreatedApiKey;
import dev.pipestore.catalog.ApiKey;
import dev.pipestore.catalog.Role;
import dev.pipestore.json.RecordJson;
import dev.pipestore.server.access.ApiKeyJson;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pipestore keys create|list|revoke}: API keys of the HTTP API. Only a key's hash is stored. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "API keys for the HTTP API: create, list, revoke.",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a key and print its secret: the only time it is shown.",
                           "Roles: ingest (upload, read own uploads), worker (claim, write results, read),",
                           "read (read only), admin (everything, keys included)."})
    static final class Create implements Callable<Integer> {

        @Option(names = "--role", paramLabel = "R", required = true, description = "ingest, worker, read or admin.")
        String role;

        @Option(names = "--name", paramLabel = "N", required = true, description = "What the key is for, e.g. asr-worker-3.")
        String name;

        @Option(names = "--json", description = "Print the key and its secret as JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Role parsed = Role.parse(role);
            PrintWriter out = spec.commandLine().getOut();
            try (PipeStore store = Stores.open()) {
                CreatedApiKey created = store.apiKeys().create(parsed, name);
                if (json) {
                    ObjectNode node = ApiKeyJson.of(created.key());
                    node.put("secret", created.secret());
                    out.println(node);
                } else {
                    out.println(created.secret());
                    spec.commandLine().getErr().println("pipestore: created " + created.key().role().wireName() + " key "
                            + created.key().id() + " (" + created.key().name() + "); the secret above is shown only now");
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every key, revoked ones included (never their secrets).")
    static final class ListKeys implements Callable<Integer> {

        @Option(names = "--json", description = "Print {\"items\": [...]}.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (PipeStore store = Stores.open()) {
                List<ApiKey> keys = store.apiKeys().list();
                if (json) {
                    ObjectNode root = RecordJson.MAPPER.createObjectNode();
                    ArrayNode items = root.putArray("items");
                    keys.forEach(key -> items.add(ApiKeyJson.of(key)));
                    out.println(root);
                } else {
                    keys.forEach(key -> out.printf("%s  %-6s  %-8s…  %-9s  %s%n", key.id(), key.role().wireName(), key.keyPrefix(),
                            key.revoked() ? "revoked" : "active", key.name()));
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key for good; requests with it get 401.")
    static final class Revoke implements Callable<Integer> {

        @Parameters(paramLabel = "ID", description = "The key's id, as 'keys list' shows it.")
        String id;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (PipeStore store = Stores.open()) {
                ApiKey revoked = store.apiKeys().revoke(Inputs.id("ID", id));
                spec.commandLine().getOut().println("revoked " + revoked.id() + " (" + revoked.role().wireName() + ", "
                        + revoked.name() + ")");
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
