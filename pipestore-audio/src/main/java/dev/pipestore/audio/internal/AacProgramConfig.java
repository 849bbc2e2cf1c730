package dev.pipestore.audio.internal;

/**
 * The AAC program config element (ISO/IEC 14496-3, 4.4.1.1): how AAC describes a channel layout that none of the
 * numbered channel configurations covers. Each front, side or back element is one channel, or two when it is a
 * channel pair; each LFE element is one.
 */
final class AacProgramConfig {

    /** The syntactic element ID of a program config element in raw AAC data (ADTS frames). */
    static final int ELEMENT_ID = 5;

    private AacProgramConfig() {
    }

    /** The channel count of the element that {@code r} is at, or 0 if it names no channels. */
    static int channels(BitReader r) {
        r.bits(4 + 2 + 4); // element instance tag, object type, sampling frequency index
        int front = r.bits(4);
        int side = r.bits(4);
        int back = r.bits(4);
        int lfe = r.bits(2);
        r.bits(3 + 4); // associated data and coupling channel element counts
        for (int mixdown = 0; mixdown < 2; mixdown++) {
            if (r.bits(1) == 1) { // mono, then stereo mixdown element number
                r.bits(4);
            }
        }
        if (r.bits(1) == 1) { // matrix mixdown index and pseudo surround
            r.bits(3);
        }
        int channels = lfe;
        for (int i = 0; i < front + side + back; i++) {
            channels += r.bits(1) == 1 ? 2 : 1; // is a channel pair, then a 4-bit element tag
            r.bits(4);
        }
        return channels;
    }
}
