package dev.pipestore.audio.internal;

/**
 * How many samples each Vorbis audio packet decodes to, from the two block sizes in the identification header and
 * the modes at the end of the setup header.
 *
 * <p>Reaching the modes by parsing the setup header forwards (codebooks, floors, residues, mappings) would take most
 * of a decoder, so they are found by reading it backwards from its framing bit, as ffmpeg and liboggz do: each mode
 * is 41 bits whose window and transform types are 0, preceded by the 6-bit mode count.
 */
final class VorbisBlocks {

    /** Bits the backward search keeps in hand, as ffmpeg's does: a mode, the count before it, and some margin. */
    private static final int MIN_BITS = 97;
    private static final int MAX_MODES = 63;

    private final int[] blockSizes;
    private final boolean[] longModes;
    private final int modeBits;
    private int previous;

    private VorbisBlocks(int[] blockSizes, boolean[] longModes) {
        this.blockSizes = blockSizes;
        this.longModes = longModes;
        this.modeBits = longModes.length == 1 ? 0 : 32 - Integer.numberOfLeadingZeros(longModes.length - 1);
        this.previous = blockSizes[0];
    }

    /**
     * @param blockSizeByte byte 28 of the identification header: the exponents of the short and long block sizes
     * @param setupTail the last bytes of the setup header, enough to hold its modes
     */
    static VorbisBlocks parse(int blockSizeByte, byte[] setupTail) throws MalformedAudioException {
        int shortExponent = blockSizeByte & 0xF;
        int longExponent = (blockSizeByte >>> 4) & 0xF;
        if (shortExponent < 6 || longExponent > 13 || shortExponent > longExponent) {
            throw new MalformedAudioException(Messages.format("malformed Ogg: the Vorbis identification header gives "
                    + "block sizes of %d and %d samples", 1 << shortExponent, 1 << longExponent));
        }
        ReverseBits bits = new ReverseBits(setupTail);
        int modesEnd = -1; // just past the framing bit, the last bit set; only padding follows it
        while (modesEnd < 0 && bits.left() > MIN_BITS) {
            if (bits.read(1) == 1) {
                modesEnd = bits.position();
            }
        }
        int count = 0;
        int modes = 0;
        while (bits.left() >= MIN_BITS && count <= MAX_MODES) {
            if (bits.read(8) > 63 || bits.read(16) != 0 || bits.read(16) != 0) {
                break;
            }
            bits.read(1);
            count++;
            if (bits.peek(6) + 1 == count) {
                modes = count; // a plausible mode count sits before this many modes
            }
        }
        if (modesEnd < 0 || modes == 0 || modes > MAX_MODES) {
            throw new MalformedAudioException("malformed Ogg: the Vorbis setup header's modes cannot be found");
        }
        boolean[] longModes = new boolean[modes];
        bits.seek(modesEnd);
        for (int i = modes - 1; i >= 0; i--) {
            bits.read(40);
            longModes[i] = bits.read(1) == 1;
        }
        return new VorbisBlocks(new int[] {1 << shortExponent, 1 << longExponent}, longModes);
    }

    /**
     * Samples the next audio packet adds, given its first byte: half of each of the two windows it overlaps. A long
     * block records the size of the window before it; a short one follows whatever came before.
     */
    int samples(int firstByte) throws MalformedAudioException {
        int mode = (firstByte >>> 1) & ((1 << modeBits) - 1);
        if ((firstByte & 1) != 0 || mode >= longModes.length) {
            throw new MalformedAudioException("malformed Ogg: a Vorbis audio packet does not name a valid mode");
        }
        int current = blockSizes[longModes[mode] ? 1 : 0];
        if (longModes[mode]) {
            previous = blockSizes[(firstByte >>> (1 + modeBits)) & 1];
        }
        int samples = (previous + current) / 4;
        previous = current;
        return samples;
    }

    /** Reads a Vorbis bit stream (packed from each byte's low bit up) from its end towards its start. */
    private static final class ReverseBits {
        private final byte[] bytes;
        private int position;

        ReverseBits(byte[] bytes) {
            this.bytes = bytes;
        }

        int left() {
            return bytes.length * 8 - position;
        }

        int position() {
            return position;
        }

        void seek(int bit) {
            position = bit;
        }

        int read(int n) {
            int v = peek(n);
            position += n;
            return v;
        }

        int peek(int n) {
            int v = 0;
            for (int i = position; i < position + n; i++) {
                int index = bytes.length - 1 - (i >>> 3);
                int bit = index >= 0 ? (bytes[index] >>> (7 - (i & 7))) & 1 : 0;
                v = v << 1 | bit;
            }
            return v;
        }
    }
}
