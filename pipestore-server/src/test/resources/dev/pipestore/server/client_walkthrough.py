"""Drives clients/python/pipestore_client.py against a running server: python3 client_walkthrough.py BASE KEY WAV DIR."""

import datetime
import filecmp
import os
import sys
import uuid

from pipestore_client import Client, ProblemError

base, key, wav, workdir = sys.argv[1:5]
client = Client(base, key)

audio = client.upload_audio(wav, language="en", metadata={"call": 42}, idempotency_key="client-1")
assert audio["format"] == "wav" and audio["metadata"]["call"] == 42, audio
again = client.upload_audio(wav, language="en", metadata={"call": 42}, idempotency_key="client-1")
assert again["id"] == audio["id"], "an idempotent retry returns the first record"
assert client.get_audio(audio["id"]) == audio
# Metadata too long for a query string under the server's header limit travels in a form part.
big = {"notes": "ü" * 20000, "call": 7}
large = client.upload_audio(wav, name='call "B" ü.wav', metadata=big, idempotency_key="client-big")
assert large["metadata"] == big and large["original_name"] == 'call "B" ü.wav', large["original_name"]
assert client.upload_audio(wav, metadata=big, idempotency_key="client-big")["id"] == large["id"]
assert client.get_audio(uuid.UUID(audio["id"])) == audio, "a uuid.UUID names the record as its string does"
try:
    client.get_audio("")
    raise AssertionError("an empty id read the list")
except ValueError:
    pass

copy = os.path.join(workdir, "copy.wav")
info = client.download_audio(audio["id"], copy)
assert filecmp.cmp(wav, copy, shallow=False) and info["etag"] == '"%s"' % audio["content_sha256"], info
head = os.path.join(workdir, "head.bin")
assert client.download_audio(audio["id"], head, byte_range=(0, 3))["status"] == 206
assert open(head, "rb").read() == b"RIFF"
clip = os.path.join(workdir, "clip.wav")
client.download_clip(audio["id"], clip, 0.25, 0.75)
assert open(clip, "rb").read(4) == b"RIFF"
exact_clip, float_clip = os.path.join(workdir, "exact-clip.wav"), os.path.join(workdir, "float-clip.wav")
client.download_clip(audio["id"], exact_clip, 0.3, 0.8)
client.download_clip(audio["id"], float_clip, 0.1 + 0.2, 0.7 + 0.1)  # 0.30000000000000004 and 0.7999999999999999
assert filecmp.cmp(exact_clip, float_clip, shallow=False), "times from float arithmetic cut the same clip"

assert audio["id"] in [item["id"] for item in client.iter_audio(status="uploaded", limit=1)]
assert audio["uploaded_by"] and [a["id"] for a in client.iter_audio(uploaded_by=audio["uploaded_by"])].count(audio["id"]) == 1
claimed = client.claim("uploaded", "processing", limit=10, lease_seconds=60, owner="py-1")
assert audio["id"] in [item["id"] for item in claimed] and claimed[0]["lease"]["claimed_from"] == "uploaded"
assert claimed[0]["lease"]["owner"].endswith("/py-1"), claimed[0]["lease"]
mine = [item for item in claimed if item["id"] == audio["id"]][0]
renewed = client.renew_lease(audio["id"], lease_seconds=600, owner="py-1")
assert renewed["lease"]["expires_at"] > mine["lease"]["expires_at"], renewed
try:
    client.renew_lease(audio["id"], lease_seconds=600, owner="py-2")
    raise AssertionError("a lease held by another label was renewed")
except ProblemError as e:
    assert e.status == 409 and e.problem["type"].endswith(":lease-held-by-another"), e
spare = client.upload_audio(wav, name="spare.wav")
assert spare["id"] in [item["id"] for item in client.claim("uploaded", "processing", limit=10, owner="py-1")]
assert client.release(spare["id"], owner="py-1")["status"] == "uploaded"

transcription = client.add_transcription(audio["id"], "hello from python", language="en", model_version="py-1", confidence=0.9,
                                         idempotency_key="py-asr-1")
assert client.add_transcription(audio["id"], "hello from python", language="en", model_version="py-1", confidence=0.9,
                                idempotency_key="py-asr-1")["id"] == transcription["id"], "a retry stored a second transcription"
assert [t["id"] for t in client.list_transcriptions(audio["id"], latest=True)] == [transcription["id"]]
translation = client.add_translation(transcription["id"], "hallo aus Python", "de", idempotency_key="py-mt-1")
assert client.add_translation(transcription["id"], "hallo aus Python", "de", idempotency_key="py-mt-1")["id"] == translation["id"]
assert client.list_translations(transcription["id"], target="de")[0]["id"] == translation["id"]
assert client.update_audio(audio["id"], status="transcribed", owner="py-1")["status"] == "transcribed"
try:
    client.release(audio["id"], owner="py-1")
    raise AssertionError("a completed file was given back")
except ProblemError as e:
    assert e.status == 409 and e.problem["type"].endswith(":not-leased"), e
batch = client.add_transcriptions([{"audio_file_id": audio["id"], "content": "hello again", "language": "en",
                                    "model_version": "py-2"}])
assert batch[0]["model_version"] == "py-2" and batch[0]["audio_file_id"] == audio["id"], batch
sentiment = [{"audio_file_id": audio["id"], "analysis_type": "sentiment", "result": {"score": 0.7}, "idempotency_key": "py-an-1"}]
results = client.add_results(sentiment)
assert results[0]["analysis_type"] == "sentiment"
assert client.add_results(sentiment)[0]["id"] == results[0]["id"], "a retried batch stored a second result"
hits = client.search("python", language="en")
assert hits and hits[0]["id"] == transcription["id"] and "<b>" in hits[0]["snippet"], hits
assert [hit["id"] for hit in client.iter_search("python", language="en", limit=1)] == [hit["id"] for hit in hits], hits
hour_ago = datetime.datetime.now() - datetime.timedelta(hours=1)
assert [hit["id"] for hit in client.search("python", language="en", since=hour_ago)] == [hit["id"] for hit in hits], "naive local time"
assert client.search("python", since=datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=1)) == []
assert client.search("python", before=datetime.date.today() + datetime.timedelta(days=2)), "a date is midnight UTC"
assert audio["id"] in [item["id"] for item in client.iter_audio(since=hour_ago)]

client.temp_put("job-" + audio["id"], {"step": 2}, ttl=60)
assert client.temp_get("job-" + audio["id"]) == {"step": 2}
client.temp_delete("job-" + audio["id"])
assert client.temp_get("job-" + audio["id"], default="gone") == "gone"

try:
    client.update_audio(audio["id"], status="uploaded-twice")
    raise AssertionError("an unknown status was accepted")
except ProblemError as e:
    assert e.status == 400 and e.field == "status", e
try:
    Client(base, "ps_not-a-real-key").get_audio(audio["id"])
    raise AssertionError("a wrong key was accepted")
except ProblemError as e:
    assert e.status == 401, e

note = os.path.join(workdir, "note.txt")
with open(note, "w", encoding="utf-8") as out:
    out.write("a note to delete")
text = client.upload_text(note, language="en")
client.delete_text(text["id"])
try:
    client.delete_text(text["id"])
    raise AssertionError("a text document was deleted twice")
except ProblemError as e:
    assert e.status == 404, e
try:
    client.delete_audio(audio["id"], cascade="false")
    raise AssertionError("a string was taken for cascade")
except TypeError:
    pass
try:
    client.delete_audio(audio["id"] + "?cascade=true")
    raise AssertionError("an id smuggled a query into the path")
except ProblemError as e:
    assert e.status == 400 and e.field == "id", e
try:
    client.delete_audio(audio["id"])
    raise AssertionError("a transcribed file was deleted without cascade")
except ProblemError as e:
    assert e.status == 409 and "cascade" in e.problem["detail"], e
client.delete_audio(audio["id"], cascade=True)
for gone in (lambda: client.get_audio(audio["id"]), lambda: client.get_transcription(transcription["id"])):
    try:
        gone()
        raise AssertionError("a deleted record was still read")
    except ProblemError as e:
        assert e.status == 404, e

print("client walkthrough OK")
