// Stand-in for the Android SDK type of the same name, enough to compile and run Cordova's bridge code on a plain JVM.
package android.os;

public class Looper {
    private static final Looper MAIN = new Looper();
    private final Thread thread = Thread.currentThread();
    public static Looper getMainLooper() { return MAIN; }
    public static Looper myLooper() { return MAIN; }
    public Thread getThread() { return thread; }
}
