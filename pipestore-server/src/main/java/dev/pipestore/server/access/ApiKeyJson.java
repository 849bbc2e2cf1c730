package dev.pipestore.server.access;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.catalog.ApiKey;
import dev.pipestore.json.RecordJson;

/** The JSON form of an API key wherever keys are shown (the API, {@code pipestore keys}): never its hash. */
public final class ApiKeyJson {

    private ApiKeyJson() {}

    public static ObjectNode of(ApiKey key) {
        ObjectNode node = RecordJson.MAPPER.createObjectNode();
        node.put("id", key.id().toString());
        node.put("name", key.name());
        node.put("role", key.role().wireName());
        node.put("key_prefix", key.keyPrefix());
        node.put("created_at", key.createdAt().toString());
        node.put("revoked_at", key.revokedAt() == null ? null : key.revokedAt().toString());
        node.put("last_used_at", key.lastUsedAt() == null ? null : key.lastUsedAt().toString());
        return node;
    }
}
