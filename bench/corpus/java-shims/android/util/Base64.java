// Stand-in for android.util.Base64 on top of java.util.Base64.
package android.util;

public final class Base64 {
    public static final int DEFAULT = 0;
    public static final int NO_PADDING = 1;
    public static final int NO_WRAP = 2;
    public static final int CRLF = 4;
    public static final int URL_SAFE = 8;

    private Base64() {}

    public static byte[] decode(String str, int flags) {
        return decode(str.getBytes(java.nio.charset.StandardCharsets.US_ASCII), flags);
    }

    public static byte[] decode(byte[] input, int flags) {
        String text = new String(input, java.nio.charset.StandardCharsets.US_ASCII).replaceAll("\\s", "");
        return (flags & URL_SAFE) != 0 ? java.util.Base64.getUrlDecoder().decode(text) : java.util.Base64.getDecoder().decode(text);
    }

    public static String encodeToString(byte[] input, int flags) {
        return new String(encode(input, flags), java.nio.charset.StandardCharsets.US_ASCII);
    }

    public static byte[] encode(byte[] input, int flags) {
        java.util.Base64.Encoder encoder = (flags & URL_SAFE) != 0 ? java.util.Base64.getUrlEncoder() : java.util.Base64.getEncoder();
        if ((flags & NO_PADDING) != 0) encoder = encoder.withoutPadding();
        String text = encoder.encodeToString(input);
        if ((flags & NO_WRAP) == 0) text = text + "\n";
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
