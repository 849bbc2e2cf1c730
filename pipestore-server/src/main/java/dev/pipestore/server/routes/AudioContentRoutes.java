package dev.pipestore.server.routes;

import dev.pipestore.InvalidInputException;
import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.ingest.AudioContentTypes;
import dev.pipestore.server.access.Access;
import dev.pipestore.server.download.ContentDisposition;
import dev.pipestore.server.download.Download;
import dev.pipestore.server.download.Download.MissingObjectException;
import dev.pipestore.server.download.WavClip;
import dev.pipestore.server.download.WavLayout;
import dev.pipestore.server.json.Params;
import dev.pipestore.server.problem.HttpProblem;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.InputStream;
import java.math.BigDecimal;

/** An audio file's bytes: the whole file or one range of it, and WAV clips by time. */
final class AudioContentRoutes implements Api.Routes {

    private final Api api;

    AudioContentRoutes(Api api) {
        this.api = api;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/audio/{id}/content", this::content, Access.READ, Access.WORKER, Access.INGEST_OWN);
        routes.head("/v1/audio/{id}/content", this::content, Access.READ, Access.WORKER, Access.INGEST_OWN);
        routes.get("/v1/audio/{id}/clip", this::clip, Access.READ, Access.WORKER, Access.INGEST_OWN);
    }

    private void content(Context ctx) {
        AudioFile file = ReadableRecords.audio(api, ctx, Params.uuid(ctx, "id"));
        try {
            new Download(file.objectKey(), file.fileSize(), file.contentSha256(), AudioContentTypes.of(file.format()),
                    downloadName(file)).send(ctx, api.store().objects());
        } catch (MissingObjectException e) {
            throw unlessDeletedMeanwhile(ctx, file, e);
        }
    }

    /** A file deleted between reading its record and its object is simply gone (404); otherwise the object is lost. */
    private RuntimeException unlessDeletedMeanwhile(Context ctx, AudioFile file, MissingObjectException missing) {
        ReadableRecords.audio(api, ctx, file.id());
        return missing;
    }

    /** WAV only: other formats cannot be cut at a byte offset without decoding, which the server does not do. */
    private void clip(Context ctx) {
        AudioFile file = ReadableRecords.audio(api, ctx, Params.uuid(ctx, "id"));
        BigDecimal start = Params.decimal(ctx, "start");
        if (start == null) {
            throw new InvalidInputException("start", "is required: the clip's start in seconds, e.g. ?start=12.5&end=20");
        }
        if (!file.format().equals("wav")) {
            throw HttpProblem.unprocessable("format", "audio file " + file.id() + " is " + file.format()
                    + ", which cannot be clipped without re-encoding; only wav can be clipped");
        }
        WavClip clip;
        InputStream body;
        try {
            WavLayout layout = WavLayout.read(api.store().objects(), file.objectKey(), file.fileSize());
            clip = WavClip.of(layout, start, Params.decimal(ctx, "end"));
            // Opened before any header is set, so a failure is still a whole problem answer, not a body cut short.
            body = clip.stream(range -> api.store().objects().get(file.objectKey(), range));
        } catch (NotFoundException e) {
            throw unlessDeletedMeanwhile(ctx, file, Download.missingObject(downloadName(file), file.objectKey(), e));
        }
        ctx.header("Content-Disposition", ContentDisposition.attachment(baseName(downloadName(file)) + "-clip.wav"));
        ctx.contentType("audio/wav");
        ctx.res().setContentLengthLong(clip.length());
        ctx.result(body);
    }

    /** The caller's original name, or the id with the format's extension when the record has none. */
    private static String downloadName(AudioFile file) {
        return file.originalName() != null ? file.originalName() : file.id() + "." + file.format();
    }

    private static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
