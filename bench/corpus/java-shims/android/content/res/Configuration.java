// Stand-in for the Android SDK type of the same name, enough to compile and run Cordova's bridge code on a plain JVM.
package android.content.res;

public class Configuration {}
