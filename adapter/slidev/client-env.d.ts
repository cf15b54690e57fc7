/// <reference types="@slidev/types/client" />
/// <reference path="../../node_modules/@slidev/client/shim.d.ts" />
/// <reference path="../../node_modules/@slidev/client/shim-vue.d.ts" />
/// <reference path="./globals.d.ts" />
