/**
 * gltf-validator speaks to graphics programmers; merchants get these sentences instead, with
 * the validator's code kept in brackets so support can look it up.
 */
const WORDS: Record<string, string> = {
  GLB_UNEXPECTED_END_OF_CHUNK_DATA: "The file ends in the middle of its binary data",
  GLB_UNEXPECTED_END_OF_CHUNK_HEADER: "The file ends in the middle of a section header",
  GLB_UNEXPECTED_END_OF_HEADER: "The file ends before its header is complete",
  GLB_LENGTH_MISMATCH: "The file's length does not match the length its header declares, so it was probably cut off",
  GLB_LENGTH_TOO_SMALL: "The file is shorter than its header says",
  GLB_INVALID_MAGIC: "The file does not start like a GLB model",
  GLB_INVALID_VERSION: "The file is not a glTF 2.0 model",
  GLB_CHUNK_TOO_BIG: "A section of the file claims to be larger than the file",
  GLB_UNKNOWN_CHUNK_TYPE: "The file contains a section of an unknown kind",
  INVALID_GLTF_FORMAT: "The file is not a glTF or GLB model",
  INVALID_JSON: "The model's description (JSON) is not valid",
  INVALID_JSON_ROOT_OBJECT: "The model's description (JSON) is not a glTF document",
  IO_ERROR: "A file the model refers to could not be read",
  BUFFER_EXTERNAL_BYTELENGTH_MISMATCH: "A binary data file (.bin) is shorter than the model needs",
  BUFFER_GLB_CHUNK_TOO_BIG: "The binary data is smaller than the model needs",
  BUFFER_MISSING_GLB_DATA: "The model's binary data is missing",
  UNKNOWN_ASSET_MAJOR_VERSION: "The model is not glTF version 2",
  UNDEFINED_PROPERTY: "The model is missing a required property",
  UNRESOLVED_REFERENCE: "The model refers to a part of itself that does not exist",
  ACCESSOR_TOTAL_OFFSET_ALIGNMENT: "The model's geometry data is laid out incorrectly",
  ACCESSOR_TOO_LONG: "The model's geometry data runs past the end of its binary data",
  BUFFER_VIEW_TOO_LONG: "The model's geometry data runs past the end of its binary data",
  ACCESSOR_INDEX_OOB: "The model's triangles point at vertices that do not exist",
  IMAGE_UNRECOGNIZED_FORMAT: "A texture image is in a format viewers cannot read",
  IMAGE_DATA_INVALID: "A texture image is damaged",
  IMAGE_UNEXPECTED_EOS: "A texture image is cut off",
  IMAGE_NPOT_DIMENSIONS: "A texture image has dimensions that are not a power of two",
}

export function merchantSentence(message: { code: string; message: string }): string {
  const words = WORDS[message.code] ?? sentenceCase(message.message)
  return `${words} (${message.code})`
}

const sentenceCase = (text: string): string => (text ? text[0].toUpperCase() + text.slice(1).replace(/\.$/, "") : "The model is not valid")
