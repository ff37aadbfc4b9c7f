/**
 * A deleted product never shows in search, even when its search document outlived it
 * (deleted while its product.created event was still being indexed).
 */
import { Client } from "pg"
import { adminToken, api, stackInfo } from "../harness/api"
import { createProduct, deleteCreatedProducts, eventually } from "../harness/orders"

test("a deleted product's leftover search document is not a hit", async () => {
  const auth = { authorization: `Bearer ${await adminToken()}` }
  const word = `zqx${Date.now().toString(36)}`
  await createProduct(auth, `Gone ${word} kaftan`, [`GONE-${word}`])
  const hit = await eventually("the product to be searchable", async () => {
    const hits = (await api("POST", "/store/products/search", { body: { q: word } })).body.hits
    return hits.length ? hits[0] : undefined
  })
  const db = new Client({ connectionString: stackInfo().databaseUrl })
  await db.connect()
  try {
    const [doc] = (await db.query(`SELECT * FROM search_document WHERE document_id = $1`, [hit.id])).rows
    await deleteCreatedProducts(auth)
    // What the race leaves: the document written back after the product was deleted.
    await db.query(
      `INSERT INTO search_document (index_name, document_id, title, keywords, body, document) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (index_name, document_id) DO NOTHING`,
      [doc.index_name, doc.document_id, doc.title, doc.keywords, doc.body, doc.document]
    )
    const res = await api("POST", "/store/products/search", { body: { q: word } })
    expect(res.status).toBe(200)
    expect(res.body.hits).toEqual([])
    await db.query(`DELETE FROM search_document WHERE document_id = $1`, [hit.id])
  } finally {
    await db.end()
  }
})
