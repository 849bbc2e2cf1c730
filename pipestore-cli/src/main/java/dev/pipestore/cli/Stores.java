package dev.pipestore.cli;

import dev.pipestore.PipeStore;
import dev.pipestore.config.StoreConfig;

/** Opens the store every data command works on, from the environment. */
final class Stores {

    private Stores() {}

    static PipeStore open() {
        return PipeStore.open(StoreConfig.fromEnv());
    }
}
