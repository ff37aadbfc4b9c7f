/**
 * SQL shared by the catalog listing, suggestions, product cards and the wishlist, so
 * "visible in the store" and "a variant's size and colour" mean the same everywhere.
 */

/** Option titles (lowercase) whose values are a variant's size and colour. */
export const SIZE_OPTION_TITLES = ["size"]
export const COLOR_OPTION_TITLES = ["colour", "color"]

/** Collects positional parameters while a statement is assembled. */
export class SqlParams {
  readonly values: unknown[] = []
  add(value: unknown): string {
    this.values.push(value)
    return `$${this.values.length}`
  }
}

const literalList = (values: string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")

/** The value of the variant's option whose title is one of `titles`, as a scalar subquery. */
export function optionValueSql(variantAlias: string, titles: string[]): string {
  return `(SELECT ov.value FROM product_option_value ov JOIN product_option o ON o.id = ov.option_id
            WHERE ov.variant_id = ${variantAlias}.id AND ov.deleted_at IS NULL AND o.deleted_at IS NULL
              AND lower(o.title) IN (${literalList(titles)})
            ORDER BY o.created_at LIMIT 1)`
}

/**
 * A product the storefront may show: published, not deleted and in one of the sales
 * channels (the publishable key's, or the default channel).
 */
export function visibleProductSql(productAlias: string, channelsParam: string): string {
  return `${productAlias}.deleted_at IS NULL AND ${productAlias}.status = 'published'
    AND EXISTS (SELECT 1 FROM product_sales_channel psc
                 WHERE psc.product_id = ${productAlias}.id AND psc.sales_channel_id = ANY(${channelsParam}::text[]))`
}

/** Categories the Store API exposes: active and not internal. */
export function publicCategorySql(categoryAlias: string): string {
  return `${categoryAlias}.is_active IS TRUE AND ${categoryAlias}.is_internal IS FALSE`
}

/** "In stock" for a variant: not inventory-managed, backorderable, or with stock. */
export function inStockSql(variantAlias: string): string {
  return `(NOT ${variantAlias}.manage_inventory OR ${variantAlias}.allow_backorder OR ${variantAlias}.inventory_quantity > 0)`
}
