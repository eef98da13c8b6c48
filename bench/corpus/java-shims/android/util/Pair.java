// Stand-in for the Android SDK type of the same name, enough to compile and run Cordova's bridge code on a plain JVM.
package android.util;

public class Pair<F, S> { public final F first; public final S second; public Pair(F first, S second) { this.first = first; this.second = second; } }
