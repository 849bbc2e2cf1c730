package dev.pipestore.audio.internal;

import java.io.IOException;

/**
 * The granule position at which a logical Ogg stream's audio starts. It is 0 for a stream encoded whole, but a stream
 * cut from a longer one ({@code ffmpeg -ss 20 -c copy}) or written with a time offset keeps its original granule
 * positions, so its duration is the last granule minus this start, not the last granule.
 *
 * <p>As in ffmpeg (and RFC 7845 section 4 for Opus), the start is the first audio page's granule position minus the
 * samples of the packets that end on it; those come from each packet's first bytes (the Opus TOC byte, or the Vorbis
 * mode). Only the header pages and the first audio page are read.
 */
final class OggStreamStart {

    /** Header pages before the audio; a long comment header (cover art) takes many. */
    private static final int MAX_PAGES = 10_000;
    /** Enough of the Vorbis setup header's end to hold its modes (at most 64 of 41 bits each). */
    private static final int SETUP_TAIL = 1024;
    private static final int VORBIS_BLOCK_SIZES = 28;

    /** The samples one audio packet decodes to, from its first two bytes. */
    private interface Clock {
        int samples(int first, int second) throws MalformedAudioException;
    }

    private OggStreamStart() {
    }

    /** The start granule of the stream that {@code bos} (its beginning-of-stream page) begins; never negative. */
    static long of(ChannelInput in, OggPage bos, OggCodec codec) throws IOException, MalformedAudioException {
        int headers = codec.opus() ? 2 : 3; // OpusHead and OpusTags; Vorbis identification, comment and setup
        Clock clock = codec.opus() ? OggStreamStart::opusSamples : null;
        PacketEdges packet = new PacketEdges();
        long packets = 0;
        long samples = 0;
        long pos = bos.offset();
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            OggPage page = OggPage.read(in, pos);
            if (page == null) {
                throw new MalformedAudioException(Messages.format(
                        "malformed Ogg: no page header at byte %,d, where the page before it ends", pos));
            }
            page.check("header");
            pos = page.end();
            if (page.serial() != bos.serial()) {
                continue;
            }
            long at = page.body();
            boolean audioEnded = false;
            for (byte lacing : page.lacing()) {
                int length = lacing & 0xFF;
                packet.add(in, at, length, !codec.opus() && packets == 2);
                at += length;
                if (length < 255) {
                    if (packets >= headers) {
                        // An empty packet is a gap the encoder left (a dropped packet); it decodes to nothing.
                        samples += packet.empty() ? 0 : clock.samples(packet.first(), packet.second());
                        audioEnded = true;
                    } else if (packets == 2 && !codec.opus()) {
                        int blockSizes = in.readFully(bos.body() + VORBIS_BLOCK_SIZES, 1, "Ogg",
                                "the Vorbis identification header").get(0);
                        VorbisBlocks blocks = VorbisBlocks.parse(blockSizes, packet.tail());
                        clock = (first, second) -> blocks.samples(first);
                    }
                    packets++;
                    packet.clear();
                }
            }
            if (page.has(OggPage.END)) {
                return 0; // the last page's granule may trim the end, so it cannot tell where the start was
            }
            if (audioEnded && page.granule() != -1) {
                // Less than the samples happens at the start of a normal stream (the first Vorbis packet only primes
                // the decoder); it means the stream starts at 0.
                return Math.max(0, page.granule() - samples);
            }
        }
        throw new MalformedAudioException(Messages.format(
                "malformed Ogg: no audio page in the first %,d pages of the stream", MAX_PAGES));
    }

    /** RFC 6716 section 3.1: the TOC byte's configuration gives the frame size, its code the number of frames. */
    private static int opusSamples(int toc, int second) {
        int config = toc >>> 3;
        int frameSize = config < 12 ? new int[] {480, 960, 1920, 2880}[config & 3]
                : config < 16 ? 480 << (config & 1)
                : 120 << (config & 3);
        int frames = switch (toc & 3) {
            case 0 -> 1;
            case 1, 2 -> 2;
            default -> second & 0x3F;
        };
        return frameSize * frames;
    }

    /** The first two bytes of the packet being assembled from its pieces, and optionally its last bytes. */
    private static final class PacketEdges {
        private final byte[] head = new byte[2];
        private int headLength;
        private byte[] tail = new byte[0];

        void add(ChannelInput in, long at, int length, boolean keepTail) throws IOException {
            if (headLength < head.length && length > 0) {
                int n = Math.min(head.length - headLength, length);
                in.read(at, n).get(head, headLength, n);
                headLength += n;
            }
            if (keepTail && length > 0) {
                int n = Math.min(SETUP_TAIL, length);
                int kept = Math.min(tail.length, SETUP_TAIL - n);
                byte[] joined = new byte[kept + n];
                System.arraycopy(tail, tail.length - kept, joined, 0, kept);
                in.read(at + length - n, n).get(joined, kept, n);
                tail = joined;
            }
        }

        boolean empty() {
            return headLength == 0;
        }

        int first() {
            return head[0] & 0xFF;
        }

        int second() {
            return headLength > 1 ? head[1] & 0xFF : 0;
        }

        byte[] tail() {
            return tail;
        }

        void clear() {
            headLength = 0;
            tail = new byte[0];
        }
    }
}
