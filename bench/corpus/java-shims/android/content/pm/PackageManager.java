// Stand-in for the Android SDK type of the same name, enough to compile and run Cordova's bridge code on a plain JVM.
package android.content.pm;

public class PackageManager { public static final int PERMISSION_GRANTED = 0; public static final int PERMISSION_DENIED = -1; }
