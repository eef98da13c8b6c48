// Stand-in for the Android SDK type of the same name, enough to compile and run Cordova's bridge code on a plain JVM.
package android.os;

public class Build {
    public static final String MANUFACTURER = "causelens";
    public static final String MODEL = "jvm";
    public static class VERSION {
        public static final int SDK_INT = 33;
        public static final String RELEASE = "13";
    }
    public static class VERSION_CODES {
        public static final int KITKAT = 19;
        public static final int LOLLIPOP = 21;
        public static final int M = 23;
        public static final int N = 24;
        public static final int O = 26;
        public static final int P = 28;
        public static final int Q = 29;
        public static final int R = 30;
        public static final int S = 31;
        public static final int TIRAMISU = 33;
    }
}
