// cordova-android 7-13: the Android platform's Java bridge (framework/src/org/apache/cordova,
// ~9k lines) plus its Node tooling, over 19 releases. Exercise: a JVM smoke test that sends calls
// through PluginManager.exec to a plugin and encodes the results like the WebView receives them;
// Android SDK types come from small stand-ins (bench/corpus/java-shims), compiled outside the repo.
const FRAMEWORK = 'framework/src/org/apache/cordova/';
const SOURCES = [
  'CordovaArgs', 'PluginResult', 'NativeToJsMessageQueue', 'CordovaWebViewEngine', 'CordovaWebView', 'CordovaInterface',
  'CordovaPlugin', 'CordovaResourceApi', 'PluginManager', 'PluginEntry', 'CallbackContext', 'CordovaPreferences', 'LOG',
  'AllowList', 'Whitelist', 'ICordovaCookieManager', 'ICordovaHttpAuthHandler', 'ICordovaClientCertRequest', 'CordovaBridge',
  'ExposedJsApi', 'PermissionHelper', 'CallbackMap', 'CordovaPluginPathHandler',
].map((name) => `${FRAMEWORK}${name}.java`);
const SMOKE = 'test/jvm/org/apache/cordova/smoke/';

export default {
  project: {
    id: 'cordova',
    pkg: 'cordova-android',
    language: 'java',
    include: (p) => !p.includes('node_modules/') && !/\.(jar|png|keystore)$/.test(p),
    releaseMessage: (v) => `${v}`,
  },
  versions: { from: '7.0.0', to: '13.0.0' },
  density: [1, 4],
  exercises: {
    app: {
      kind: 'java',
      entry: `${SMOKE}BridgeSmoke.java`,
      mainClass: 'org.apache.cordova.smoke.BridgeSmoke',
      sources: [...SOURCES, `${SMOKE}EchoPlugin.java`],
      files: [[`${SMOKE}BridgeSmoke.java`, 'BridgeSmoke.java'], [`${SMOKE}EchoPlugin.java`, 'EchoPlugin.java']],
      message: 'test: JVM smoke test for the exec bridge',
    },
  },
  expect: 'Exception',
  cases: [],
};
