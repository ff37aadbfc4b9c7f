import { chooseLod, normaliseProductModels, preferredLodLevel, uploadPath, viewerModelUrl, type ModelLod } from "@/lib/core/model-viewer"

const lod = (level: number, url = `http://localhost:9000/uploads/3d-models/p3d_1/lod${level}.glb`): ModelLod => ({ level, url, bytes: 1000 * (3 - level), triangles: 100 * (3 - level) })

describe("the level of detail for a device", () => {
  it.each([
    [{ screenWidth: 390 }, 2],
    [{ screenWidth: 639 }, 2],
    [{ screenWidth: 640 }, 1],
    [{ screenWidth: 1023 }, 1],
    [{ screenWidth: 1024 }, 0],
    [{ screenWidth: 1440, deviceMemory: 8, effectiveType: "4g", downlink: 10 }, 0],
  ])("by screen width %j → LOD%i", (hints, level) => {
    expect(preferredLodLevel(hints)).toBe(level)
  })

  it("gives the lightest model to Save-Data and slow connections, whatever the screen", () => {
    expect(preferredLodLevel({ screenWidth: 1920, saveData: true })).toBe(2)
    for (const effectiveType of ["slow-2g", "2g", "3g", "3G"]) expect(preferredLodLevel({ screenWidth: 1920, effectiveType })).toBe(2)
    expect(preferredLodLevel({ screenWidth: 1920, effectiveType: "4g", downlink: 0.5 })).toBe(2)
  })

  it("does not count a modest downlink estimate or an unknown one as slow", () => {
    // Headless and idle Chrome report about 1.4 Mbit/s on fast links.
    expect(preferredLodLevel({ screenWidth: 1440, effectiveType: "4g", downlink: 1.4 })).toBe(0)
    expect(preferredLodLevel({ screenWidth: 1440, effectiveType: "4g", downlink: 0 })).toBe(0)
    expect(preferredLodLevel({ screenWidth: 1440, effectiveType: null, downlink: null, saveData: null, deviceMemory: null })).toBe(0)
  })

  it("keeps low-memory devices off the full model", () => {
    expect(preferredLodLevel({ screenWidth: 1440, deviceMemory: 1 })).toBe(2)
    expect(preferredLodLevel({ screenWidth: 1440, deviceMemory: 0.5 })).toBe(2)
    expect(preferredLodLevel({ screenWidth: 1440, deviceMemory: 2 })).toBe(1)
    expect(preferredLodLevel({ screenWidth: 1440, deviceMemory: 4 })).toBe(1)
    expect(preferredLodLevel({ screenWidth: 1440, deviceMemory: 8 })).toBe(0)
  })

  it("treats a width it cannot read as a small screen", () => {
    expect(preferredLodLevel({ screenWidth: Number.NaN })).toBe(2)
    expect(preferredLodLevel({ screenWidth: 0 })).toBe(2)
  })
})

describe("choosing among the LODs there are", () => {
  it("takes the wanted level when it is there", () => {
    const lods = [lod(0), lod(1), lod(2)]
    expect(chooseLod(lods, 0)?.level).toBe(0)
    expect(chooseLod(lods, 1)?.level).toBe(1)
    expect(chooseLod(lods, 2)?.level).toBe(2)
  })

  it("otherwise the nearest, the lighter of two equally near", () => {
    expect(chooseLod([lod(0)], 2)?.level).toBe(0)
    expect(chooseLod([lod(0), lod(1)], 2)?.level).toBe(1)
    expect(chooseLod([lod(1), lod(2)], 0)?.level).toBe(1)
    expect(chooseLod([lod(0), lod(2)], 1)?.level).toBe(2)
    expect(chooseLod([lod(2), lod(0)], 1)?.level).toBe(2)
  })

  it("has nothing to choose without LODs", () => {
    expect(chooseLod([], 0)).toBeNull()
  })
})

describe("model URLs the browser fetches", () => {
  const backend = "http://localhost:9000"

  it("serves the backend's local files through the storefront's origin", () => {
    expect(viewerModelUrl("http://localhost:9000/uploads/3d-models/p3d_1/1700000000000-lod0.glb", backend)).toBe("/uploads/3d-models/p3d_1/1700000000000-lod0.glb")
    expect(viewerModelUrl("http://localhost:9000/uploads/a.glb?v=2", backend)).toBe("/uploads/a.glb?v=2")
  })

  it("counts localhost, 127.0.0.1 and [::1] on the same port as the backend", () => {
    expect(viewerModelUrl("http://localhost:43123/uploads/a.glb", "http://127.0.0.1:43123")).toBe("/uploads/a.glb")
    expect(viewerModelUrl("http://[::1]:43123/uploads/a.glb", "http://localhost:43123/")).toBe("/uploads/a.glb")
    expect(viewerModelUrl("http://localhost:43124/uploads/a.glb", "http://127.0.0.1:43123")).toBe("http://localhost:43124/uploads/a.glb")
    expect(viewerModelUrl("https://localhost:9000/uploads/a.glb", backend)).toBe("https://localhost:9000/uploads/a.glb")
  })

  it("leaves S3 and other hosts as they are, and other backend paths too", () => {
    const s3 = "https://zari-assets.s3.ap-south-1.amazonaws.com/3d-models/p3d_1/lod0.glb"
    expect(viewerModelUrl(s3, backend)).toBe(s3)
    expect(viewerModelUrl("https://api.example.com/uploads/a.glb", backend)).toBe("https://api.example.com/uploads/a.glb")
    expect(viewerModelUrl("http://localhost:9000/store/products", backend)).toBe("http://localhost:9000/store/products")
    expect(viewerModelUrl("http://localhost:9000/uploadsx/a.glb", backend)).toBe("http://localhost:9000/uploadsx/a.glb")
  })

  it("refuses what is not an http(s) URL", () => {
    expect(viewerModelUrl("javascript:alert(1)", backend)).toBeNull()
    expect(viewerModelUrl("data:model/gltf-binary;base64,Z2xURg==", backend)).toBeNull()
    expect(viewerModelUrl("/uploads/a.glb", backend)).toBeNull()
    expect(viewerModelUrl("", backend)).toBeNull()
  })

  it("keeps a backend URL it cannot read from mapping anything", () => {
    expect(viewerModelUrl("http://localhost:9000/uploads/a.glb", "not a url")).toBe("http://localhost:9000/uploads/a.glb")
  })
})

describe("the path passed on to the file service", () => {
  it("joins plain names, encoded again", () => {
    expect(uploadPath(["3d-models", "p3d_1", "1700000000000-lod0.glb"])).toBe("/uploads/3d-models/p3d_1/1700000000000-lod0.glb")
    expect(uploadPath(["dress photo.jpg"])).toBe("/uploads/dress%20photo.jpg")
  })

  it.each([[[]], [[".."]], [["3d-models", "..", "..", "admin"]], [["."]], [["a/b"]], [["a\\b"]], [[""]], [["a%2fb"]], [["a\u0000"]]])("refuses %j", (segments) => {
    expect(uploadPath(segments)).toBeNull()
  })
})

describe("the store's answer", () => {
  const backend = "http://127.0.0.1:9000"

  it("keeps models with LODs, in level order, with URLs the browser may load", () => {
    const models = normaliseProductModels(
      [
        {
          id: "p3d_1",
          lods: [lod(2), lod(0), lod(1), { ...lod(1), url: "http://localhost:9000/uploads/dup.glb" }],
          bbox: { min: [-0.1, 0, -0.2], max: [0.1, 0.5, 0.2] },
          poster_url: null,
        },
        { id: "p3d_2", lods: [], bbox: null, poster_url: null },
        { id: "p3d_3", lods: [{ level: 0, url: "javascript:alert(1)", bytes: 1, triangles: 1 }], bbox: null, poster_url: null },
        { id: "p3d_4", lods: [{ level: 0, url: "https://cdn.example.com/m.glb", bytes: "big", triangles: -1 }], bbox: { min: [0, 0], max: [1, 1, 1] }, poster_url: "https://cdn.example.com/p.webp" },
      ],
      backend
    )
    expect(models.map((m) => m.id)).toEqual(["p3d_1", "p3d_4"])
    expect(models[0].lods.map((l) => l.level)).toEqual([0, 1, 2])
    expect(models[0].lods[1].url).toBe("/uploads/3d-models/p3d_1/lod1.glb")
    expect(models[0].bbox).toEqual({ min: [-0.1, 0, -0.2], max: [0.1, 0.5, 0.2] })
    expect(models[1]).toEqual({ id: "p3d_4", lods: [{ level: 0, url: "https://cdn.example.com/m.glb", bytes: 0, triangles: 0 }], bbox: null, poster_url: "https://cdn.example.com/p.webp" })
  })

  it("reads anything else as no models", () => {
    expect(normaliseProductModels(null, backend)).toEqual([])
    expect(normaliseProductModels({ models: [] }, backend)).toEqual([])
    expect(normaliseProductModels([null, 3, { lods: [lod(0)] }, { id: "p3d_5", lods: [{ level: -1, url: "http://localhost:9000/uploads/a.glb" }, { level: 1.5, url: "http://x/a.glb" }] }], backend)).toEqual([])
  })

  it("keeps only http(s) posters", () => {
    const [model] = normaliseProductModels([{ id: "p3d_6", lods: [lod(0)], poster_url: "javascript:alert(1)" }], backend)
    expect(model.poster_url).toBeNull()
  })
})
