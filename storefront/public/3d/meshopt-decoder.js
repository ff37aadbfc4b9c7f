/*
 * Intentionally empty. model-viewer (4.x) decodes EXT_meshopt_compression, which the
 * 3d-assets plugin uses for its levels of detail, with the decoder it bundles from three;
 * it only enables that decoder once ModelViewerElement.meshoptDecoderLocation is set and a
 * script at that address has loaded. Without it every compressed model fails to load, and
 * pointing it at a CDN would cost a request to another origin for nothing.
 */
