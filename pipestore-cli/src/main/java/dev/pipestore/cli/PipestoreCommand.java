package dev.pipestore.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code pipestore} command; it only groups the subcommands. */
@Command(
        name = "pipestore",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Storage for speech-processing pipelines: audio and text in object storage, results in SQL, cache in Redis.",
        subcommands = {IngestCommand.class, GetCommand.class, CatCommand.class, LsCommand.class, SearchCommand.class, RmCommand.class, TextCommand.class,
                       TranscriptionCommand.class, TranslationCommand.class, DoctorCommand.class, VerifyCommand.class, MigrateCommand.class, ServeCommand.class, KeysCommand.class},
        footer = {"", "Configuration comes from the environment (MINIO_*, DATABASE_URL, REDIS_*, PIPESTORE_DATA_DIR);",
                  "unset backends use embedded defaults in ./pipestore-data. Run 'pipestore doctor' to see what is in use."})
final class PipestoreCommand extends CommandGroup {

}
