// Stand-in for the Android SDK type of the same name, enough to compile and run Cordova's bridge code on a plain JVM.
package android.os;

public class Debug {
    public static boolean isDebuggerConnected() { return false; }
    public static void startMethodTracing(String name) {}
    public static void stopMethodTracing() {}
}
