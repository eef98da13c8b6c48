// Stand-in for the Android SDK type of the same name, enough to compile and run Cordova's bridge code on a plain JVM.
package android.content;

public class Context {
    public ContentResolver getContentResolver() { return new ContentResolver(); }
    public android.content.res.AssetManager getAssets() { return new android.content.res.AssetManager(); }
    public String getPackageName() { return "org.example.app"; }
    public Context getApplicationContext() { return this; }
}
