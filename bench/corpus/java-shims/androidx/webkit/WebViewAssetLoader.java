// Stand-in for the Android SDK type of the same name, enough to compile and run Cordova's bridge code on a plain JVM.
package androidx.webkit;

public class WebViewAssetLoader {
    public interface PathHandler { android.webkit.WebResourceResponse handle(String path); }
}
