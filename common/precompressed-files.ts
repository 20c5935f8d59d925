/** Text files the build writes brotli and gzip twins of, and the app server sends compressed. */
export const PRECOMPRESSED_FILE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest|xml)$/;
