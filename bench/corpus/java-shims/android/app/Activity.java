// Stand-in for the Android SDK type of the same name, enough to compile and run Cordova's bridge code on a plain JVM.
package android.app;

public class Activity extends android.content.Context {
    public void runOnUiThread(Runnable action) { action.run(); }
    public android.content.Intent getIntent() { return new android.content.Intent(); }
    public void finish() {}
}
