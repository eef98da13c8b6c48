// Stand-in for the Android SDK type of the same name, enough to compile and run Cordova's bridge code on a plain JVM.
package android.webkit;

public class WebResourceResponse {
    public WebResourceResponse(String mimeType, String encoding, java.io.InputStream data) {}
}
