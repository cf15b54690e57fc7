/**
 * The compile-time flags Slidev's client reads, which Slidev's Vite config
 * defines (`define`) and its packages do not declare. Declared here so
 * that its sources type-check beside the kit's; `contract.test.ts` holds
 * this list to the flags the installed Slidev defines.
 */
declare const __DEV__: boolean
declare const __SLIDEV_CLIENT_ROOT__: string
declare const __SLIDEV_HASH_ROUTE__: boolean
declare const __SLIDEV_MEMORY_ROUTE__: boolean
declare const __SLIDEV_FEATURE_DRAWINGS__: boolean
declare const __SLIDEV_FEATURE_EDITOR__: boolean
declare const __SLIDEV_FEATURE_DRAWINGS_PERSIST__: boolean
declare const __SLIDEV_FEATURE_RECORD__: boolean
declare const __SLIDEV_FEATURE_PRESENTER__: boolean
declare const __SLIDEV_FEATURE_PRINT__: boolean
declare const __SLIDEV_FEATURE_BROWSER_EXPORTER__: boolean
declare const __SLIDEV_FEATURE_WAKE_LOCK__: boolean
declare const __SLIDEV_FEATURE_PWA__: boolean
declare const __SLIDEV_HAS_SERVER__: boolean
