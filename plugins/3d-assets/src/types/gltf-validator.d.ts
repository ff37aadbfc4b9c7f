// The package ships no typings; only the parts the pipeline reads are declared.
declare module "gltf-validator" {
  export type ValidatorMessage = { code: string; message: string; severity: number; pointer?: string; offset?: number }
  export type ValidatorResource = {
    pointer: string
    mimeType?: string
    storage?: string
    uri?: string
    byteLength?: number
    image?: { width: number; height: number; format?: string }
  }
  export type ValidatorReport = {
    issues: { numErrors: number; numWarnings: number; numInfos: number; numHints: number; messages: ValidatorMessage[]; truncated: boolean }
    info?: {
      extensionsUsed?: string[]
      totalTriangleCount?: number
      totalVertexCount?: number
      animationCount?: number
      hasSkins?: boolean
      resources?: ValidatorResource[]
    }
  }
  export type ValidationOptions = {
    uri?: string
    format?: "glb" | "gltf"
    maxIssues?: number
    writeTimestamp?: boolean
    ignoredIssues?: string[]
    externalResourceFunction?: (uri: string) => Promise<Uint8Array>
  }
  export function validateBytes(data: Uint8Array, options?: ValidationOptions): Promise<ValidatorReport>
  export function version(): string
}
