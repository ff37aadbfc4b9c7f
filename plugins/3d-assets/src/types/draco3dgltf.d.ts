// The package ships no typings; gltf-transform only needs the created modules as opaque values.
declare module "draco3dgltf" {
  export function createEncoderModule(options?: object): Promise<unknown>
  export function createDecoderModule(options?: object): Promise<unknown>
}
