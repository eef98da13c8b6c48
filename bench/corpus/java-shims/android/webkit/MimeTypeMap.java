// Stand-in for the Android SDK type of the same name, enough to compile and run Cordova's bridge code on a plain JVM.
package android.webkit;

public class MimeTypeMap {
    private static final MimeTypeMap SINGLETON = new MimeTypeMap();
    public static MimeTypeMap getSingleton() { return SINGLETON; }
    public static String getFileExtensionFromUrl(String url) { int dot = url.lastIndexOf(46); return dot < 0 ? "" : url.substring(dot + 1); }
    public String getMimeTypeFromExtension(String extension) {
        switch (extension) { case "html": return "text/html"; case "js": return "application/javascript"; case "css": return "text/css"; case "png": return "image/png"; case "json": return "application/json"; default: return null; }
    }
}
