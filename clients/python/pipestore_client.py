"""A small client for the pipestore HTTP API, standard library only.

    from pipestore_client import Client, ProblemError

    client = Client("http://127.0.0.1:8080", api_key)
    audio = client.upload_audio("call.wav", language="en", metadata={"call": 42})
    for item in client.claim("uploaded", "processing", limit=5, lease_seconds=600):
        client.download_audio(item["id"], "/tmp/" + item["id"] + ".wav")
        client.add_transcription(item["id"], "hello world", language="en", model_version="m1")
        client.update_audio(item["id"], status="transcribed")

Uploads and downloads stream (a file of any size uses little memory). Every error the server reports is raised as
ProblemError, carrying the RFC 9457 problem: status, title, detail and the field at fault.
"""

import datetime
import io
import json
import os
import shutil
import urllib.error
import urllib.parse
import urllib.request
import uuid

__all__ = ["Client", "ProblemError"]

_CHUNK = 1024 * 1024
# Metadata longer than this once URL-encoded goes in a form part instead of the query string.
_QUERY_METADATA_BYTES = 8 * 1024


class ProblemError(Exception):
    """The server refused or failed a request; the attributes come from its problem+json body."""

    def __init__(self, status, problem):
        self.status = status
        self.problem = problem
        self.title = problem.get("title", "")
        self.detail = problem.get("detail", "")
        self.field = problem.get("field")
        super().__init__("%s %s: %s" % (status, self.title, self.detail))


class Client:
    """One pipestore server and one API key (sent as Authorization: Bearer <key>)."""

    def __init__(self, base_url, api_key=None, timeout=60):
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout

    # --- audio ---------------------------------------------------------------------------------------------------

    def upload_audio(self, path, name=None, language=None, metadata=None, idempotency_key=None, content_type="audio/wav"):
        """Streams the file at path as the raw body; returns the new record (or the first one, for a repeated key)."""
        return self._upload("/v1/audio", path, name, language, metadata, idempotency_key, content_type)

    def get_audio(self, audio_id):
        return self._json("GET", "/v1/audio/" + _id(audio_id))

    def list_audio(self, status=None, since=None, before=None, language=None, uploaded_by=None, limit=None, cursor=None):
        """One page: {"items": [...], "next_cursor": ...}. An ingest key sees only its own uploads."""
        query = {"status": status, "since": since, "before": before, "language": language, "uploaded_by": uploaded_by,
                 "limit": limit, "cursor": cursor}
        return self._json("GET", "/v1/audio", query=query)

    def iter_audio(self, **filters):
        """Every audio file matching the filters, page after page."""
        return self._pages(lambda cursor: self.list_audio(cursor=cursor, **filters))

    def download_audio(self, audio_id, destination, byte_range=None):
        """Streams the audio (or bytes first..last of it, byte_range=(first, last)) into the file at destination."""
        return self._download("/v1/audio/%s/content" % _id(audio_id), destination, byte_range)

    def download_clip(self, audio_id, destination, start, end=None):
        """A WAV file of seconds start..end of a WAV recording."""
        query = {"start": start, "end": end}
        return self._download("/v1/audio/%s/clip" % _id(audio_id), destination, None, query)

    def update_audio(self, audio_id, status=None, metadata=None, owner=None):
        """Changes status and/or metadata. A worker moves a claimed file only while it holds the lease (pass the owner
        label given to claim, if any); otherwise ProblemError 409 with type ...:lease-expired or ...:lease-held-by-another."""
        body = _without_none({"status": status, "metadata": metadata, "owner": owner})
        return self._json("PATCH", "/v1/audio/" + _id(audio_id), body=body)

    def delete_audio(self, audio_id, cascade=False):
        """Deletes the file (admin keys only). A file with transcriptions or results is ProblemError 409 unless cascade
        is true, which deletes them, their translations and results with it: nothing derived from it is left."""
        if not isinstance(cascade, bool):
            raise TypeError("cascade must be True or False, got %r" % (cascade,))
        self._json("DELETE", "/v1/audio/" + _id(audio_id), query={"cascade": "true" if cascade else None})

    def claim(self, from_status, to_status, limit=1, lease_seconds=600, owner=None):
        """Up to limit files that no other worker holds, moved to to_status under a lease; a list, maybe empty.
        The lease is held by this client's key; owner is an optional label telling apart processes sharing the key."""
        body = {"from_status": from_status, "to_status": to_status, "limit": limit, "lease_seconds": lease_seconds}
        if owner is not None:
            body["owner"] = owner
        return self._json("POST", "/v1/audio/claim", body=body)["items"]

    def renew_lease(self, audio_id, lease_seconds=600, owner=None):
        """Extends this worker's lease on a claimed file to lease_seconds from now; returns the record with its lease."""
        body = _without_none({"lease_seconds": lease_seconds, "owner": owner})
        return self._json("POST", "/v1/audio/%s/lease" % _id(audio_id), body=body)

    def release(self, audio_id, owner=None):
        """Gives a claimed file back unfinished: it returns to the status it was claimed from, claimable at once."""
        return self._json("DELETE", "/v1/audio/%s/lease" % _id(audio_id), query={"owner": owner})

    # --- texts, transcriptions, translations, results ----------------------------------------------------------------

    def upload_text(self, path, name=None, language=None, metadata=None, idempotency_key=None):
        return self._upload("/v1/texts", path, name, language, metadata, idempotency_key, "text/plain; charset=utf-8")

    def delete_text(self, text_id):
        """Deletes the text document (admin keys only)."""
        self._json("DELETE", "/v1/texts/" + _id(text_id))

    def add_transcription(self, audio_id, content, language=None, model_version=None, confidence=None, metadata=None,
                          idempotency_key=None):
        """With an idempotency_key (unique per audio file), sending it again returns the first transcription."""
        body = _without_none({"content": content, "language": language, "model_version": model_version,
                              "confidence": confidence, "metadata": metadata})
        return self._json("POST", "/v1/audio/%s/transcriptions" % _id(audio_id), body=body,
                          headers=_idempotency(idempotency_key))

    def add_transcriptions(self, transcriptions):
        """Stores a list of transcription dicts (audio_file_id, content, language, ...), of one file or several: all or none.

        Give each dict an "idempotency_key" to make the batch safe to send again: an item whose key holds a
        transcription of its audio file already is answered by it, and the rest are stored."""
        return self._json("POST", "/v1/transcriptions", body=list(transcriptions))["items"]

    def list_transcriptions(self, audio_id, latest=False):
        """Every transcription of the audio file, newest first (following the pages), or the newest per model version."""
        path = "/v1/audio/%s/transcriptions" % _id(audio_id)
        if latest:
            return self._json("GET", path, query={"latest": "true"})["items"]
        return list(self._pages(lambda cursor: self._json("GET", path, query={"cursor": cursor})))

    def get_transcription(self, transcription_id):
        return self._json("GET", "/v1/transcriptions/" + _id(transcription_id))

    def add_translation(self, transcription_id, content, target_language, source_language=None, model_version=None,
                        confidence=None, metadata=None, idempotency_key=None):
        """With an idempotency_key (unique per transcription), sending it again returns the first translation."""
        body = _without_none({"content": content, "target_language": target_language, "source_language": source_language,
                              "model_version": model_version, "confidence": confidence, "metadata": metadata})
        return self._json("POST", "/v1/transcriptions/%s/translations" % _id(transcription_id), body=body,
                          headers=_idempotency(idempotency_key))

    def list_translations(self, transcription_id, target=None):
        """Every translation of the transcription (into target, if given), newest first, following the pages."""
        path = "/v1/transcriptions/%s/translations" % _id(transcription_id)
        return list(self._pages(lambda cursor: self._json("GET", path, query={"target": target, "cursor": cursor})))

    def add_results(self, results):
        """Stores a list of result dicts (audio_file_id and/or transcription_id, analysis_type, result, ...): all or none.

        Give each dict an "idempotency_key" (unique per audio file) to make the batch safe to send again."""
        return self._json("POST", "/v1/results", body=list(results))["items"]

    def search(self, q, language=None, model=None, since=None, before=None, limit=None):
        """The best hits, best first: one page of limit hits (default 20). iter_search walks further."""
        query = {"q": q, "language": language, "model": model, "since": since, "before": before, "limit": limit}
        return self._json("GET", "/v1/search", query=query)["items"]

    def iter_search(self, q, **filters):
        """Every hit, best first, page after page, down to the best 1000."""
        query = dict(filters, q=q)
        return self._pages(lambda cursor: self._json("GET", "/v1/search", query=dict(query, cursor=cursor)))

    # --- temporary data ----------------------------------------------------------------------------------------------

    def temp_put(self, key, value, ttl=None):
        """Stores any JSON value under key for ttl seconds (default: a day)."""
        self._json("PUT", "/v1/temp/" + urllib.parse.quote(key, safe=""), body=value, query={"ttl": ttl})

    def temp_get(self, key, default=None):
        """The value under key, or default when there is none."""
        try:
            return self._json("GET", "/v1/temp/" + urllib.parse.quote(key, safe=""))
        except ProblemError as e:
            if e.status == 404:
                return default
            raise

    def temp_delete(self, key):
        self._json("DELETE", "/v1/temp/" + urllib.parse.quote(key, safe=""))

    # --- plumbing ------------------------------------------------------------------------------------------------------

    def _upload(self, path, file_path, name, language, metadata, idempotency_key, content_type):
        name = name or os.path.basename(file_path)
        encoded = json.dumps(metadata, ensure_ascii=False, separators=(",", ":")) if metadata is not None else None
        headers = {} if idempotency_key is None else {"Idempotency-Key": idempotency_key}
        if encoded is not None and len(urllib.parse.quote(encoded)) > _QUERY_METADATA_BYTES:
            # The query string counts against the server's 16 KiB header limit; a form part does not.
            body = _FormBody(file_path, name, content_type, {"language": language, "metadata": encoded})
            headers.update({"Content-Type": body.content_type, "Content-Length": str(body.length)})
            query = None
        else:
            body = open(file_path, "rb")
            headers.update({"Content-Type": content_type, "Content-Length": str(os.path.getsize(file_path))})
            query = {"name": name, "language": language, "metadata": encoded}
        with body:
            with self._open("POST", path, query, headers, body) as response:
                return json.load(response)

    def _download(self, path, destination, byte_range, query=None):
        headers = {}
        if byte_range is not None:
            headers["Range"] = "bytes=%d-%d" % byte_range
        with self._open("GET", path, query, headers, None) as response, open(destination, "wb") as out:
            shutil.copyfileobj(response, out, _CHUNK)
            return {"status": response.status, "etag": response.headers.get("ETag"),
                    "content_type": response.headers.get("Content-Type")}

    @staticmethod
    def _pages(fetch):
        """The items of fetch(None), then of fetch(next_cursor) while there is one."""
        cursor = None
        while True:
            page = fetch(cursor)
            for item in page["items"]:
                yield item
            cursor = page["next_cursor"]
            if cursor is None:
                return

    def _json(self, method, path, body=None, query=None, headers=None):
        headers = dict(headers or {})
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        with self._open(method, path, query, headers, data) as response:
            payload = response.read()
            return json.loads(payload) if payload else None

    def _open(self, method, path, query, headers, data):
        url = self.base_url + path
        query = {k: _query_value(v) for k, v in (query or {}).items() if v is not None}
        if query:
            url += "?" + urllib.parse.urlencode(query)
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        if self.api_key:
            request.add_header("Authorization", "Bearer " + self.api_key)
        try:
            return urllib.request.urlopen(request, timeout=self.timeout)
        except urllib.error.HTTPError as e:
            raw = e.read()
            try:
                problem = json.loads(raw)
            except ValueError:
                problem = {"title": e.reason, "detail": raw.decode("utf-8", "replace")}
            raise ProblemError(e.code, problem) from None


class _FormBody:
    """A multipart/form-data body read straight from the file: the fields, then the file part, never all in memory."""

    def __init__(self, file_path, name, content_type, fields):
        boundary = "pipestore-" + uuid.uuid4().hex
        head = b""
        for field, value in fields.items():
            if value is not None:
                head += ('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n' % (boundary, field)).encode("ascii")
                head += value.encode("utf-8") + b"\r\n"
        filename = name.replace("\\", "\\\\").replace('"', '\\"')
        head += ('--%s\r\nContent-Disposition: form-data; name="file"; filename="%s"\r\nContent-Type: %s\r\n\r\n'
                 % (boundary, filename, content_type)).encode("utf-8")
        tail = ("\r\n--%s--\r\n" % boundary).encode("ascii")
        self.content_type = "multipart/form-data; boundary=" + boundary
        self.length = len(head) + os.path.getsize(file_path) + len(tail)
        self._file = open(file_path, "rb")
        self._parts = [io.BytesIO(head), self._file, io.BytesIO(tail)]

    def read(self, size=-1):
        while self._parts:
            chunk = self._parts[0].read(size)
            if chunk:
                return chunk
            self._parts.pop(0)
        return b""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._file.close()


def _query_value(value):
    """A query parameter as the server reads it: a datetime as an ISO 8601 instant (a naive one is local time, as
    Python takes it), a date as YYYY-MM-DD; str() would put a space in a datetime, which the server refuses."""
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _id(value):
    """A record id (a string or a uuid.UUID) as one path segment: never more (a '/' or '?' in it is encoded), never
    none at all (an empty id would name the list), never a silent 'None'."""
    if isinstance(value, uuid.UUID):
        value = str(value)
    if not isinstance(value, str):
        raise TypeError("an id is a string or a uuid.UUID, got %r" % (value,))
    if not value:
        raise ValueError("an id must not be empty")
    return urllib.parse.quote(value, safe="")


def _idempotency(key):
    return {"Idempotency-Key": key} if key is not None else {}


def _without_none(values):
    return {k: v for k, v in values.items() if v is not None}
