/**
 * The two small linear models the fit model needs, solved exactly rather than by
 * gradient steps: ridge regression (normal equations) and a three-class softmax
 * regression (Newton's method). With a few dozen features both take well under a
 * second on 100k rows, which is what lets the store retrain after every review batch.
 */

/** Solves A x = b for a symmetric positive definite A (Cholesky); A is n*n row-major. */
export function solveSymmetric(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j]
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k]
      if (i === j) l[i * n + i] = Math.sqrt(Math.max(sum, 1e-12))
      else l[i * n + j] = sum / l[j * n + j]
    }
  }
  const y = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    let sum = b[i]
    for (let k = 0; k < i; k++) sum -= l[i * n + k] * y[k]
    y[i] = sum / l[i * n + i]
  }
  const x = new Float64Array(n)
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * x[k]
    x[i] = sum / l[i * n + i]
  }
  return x
}

/** Weighted ridge regression; column 0 of each row is the intercept and is not shrunk. */
export function ridgeRegression(rows: Float64Array[], targets: number[], weights: number[], lambda: number): Float64Array {
  const n = rows[0]?.length ?? 0
  const a = new Float64Array(n * n)
  const b = new Float64Array(n)
  for (let r = 0; r < rows.length; r++) {
    const x = rows[r]
    const w = weights[r]
    for (let i = 0; i < n; i++) {
      const wx = w * x[i]
      if (wx === 0) continue
      b[i] += wx * targets[r]
      for (let j = 0; j <= i; j++) a[i * n + j] += wx * x[j]
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) a[j * n + i] = a[i * n + j]
    a[i * n + i] += i === 0 ? 1e-9 : lambda
  }
  return solveSymmetric(a, b, n)
}

export type SoftmaxWeights = { small: Float64Array; large: Float64Array }

/** Class logits with "fit" as the reference class (its logit is 0). */
export function softmax3(w: SoftmaxWeights, x: Float64Array): { small: number; fit: number; large: number } {
  let zs = 0
  let zl = 0
  for (let i = 0; i < x.length; i++) {
    zs += w.small[i] * x[i]
    zl += w.large[i] * x[i]
  }
  const m = Math.max(zs, zl, 0)
  const es = Math.exp(zs - m)
  const el = Math.exp(zl - m)
  const ef = Math.exp(-m)
  const total = es + el + ef
  return { small: es / total, fit: ef / total, large: el / total }
}

/**
 * Weighted multinomial logistic regression by Newton's method with an L2 penalty
 * (the intercept, column 0, unpenalised). labels: 0 small, 1 fit, 2 large.
 */
export function fitSoftmax(rows: Float64Array[], labels: number[], weights: number[], lambda: number, iterations = 12): SoftmaxWeights {
  const n = rows[0]?.length ?? 0
  const size = 2 * n
  const theta = new Float64Array(size)
  for (let iter = 0; iter < iterations; iter++) {
    const grad = new Float64Array(size)
    const hess = new Float64Array(size * size)
    const w = { small: theta.subarray(0, n), large: theta.subarray(n) }
    const nonZero = new Int32Array(n)
    for (let r = 0; r < rows.length; r++) {
      const x = rows[r]
      const p = softmax3(w, x)
      const weight = weights[r]
      const ys = labels[r] === 0 ? 1 : 0
      const yl = labels[r] === 2 ? 1 : 0
      const gs = weight * (ys - p.small)
      const gl = weight * (yl - p.large)
      const hss = weight * p.small * (1 - p.small)
      const hll = weight * p.large * (1 - p.large)
      const hsl = -weight * p.small * p.large
      // Rows are mostly zeros once features are binned: visit only the pairs that count.
      let count = 0
      for (let i = 0; i < n; i++) if (x[i] !== 0) nonZero[count++] = i
      for (let a = 0; a < count; a++) {
        const i = nonZero[a]
        const xi = x[i]
        grad[i] += gs * xi
        grad[n + i] += gl * xi
        for (let b = 0; b <= a; b++) {
          const j = nonZero[b]
          const xij = xi * x[j]
          hess[i * size + j] += hss * xij
          hess[(n + i) * size + (n + j)] += hll * xij
          hess[(n + i) * size + j] += hsl * xij
        }
      }
    }
    // Fill the symmetric halves the loop skipped.
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (j > i) {
          hess[i * size + j] = hess[j * size + i]
          hess[(n + i) * size + (n + j)] = hess[(n + j) * size + (n + i)]
        }
      }
    }
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) hess[(n + i) * size + j] = hess[(n + j) * size + i]
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) hess[j * size + (n + i)] = hess[(n + i) * size + j]
    for (let k = 0; k < size; k++) {
      const penalised = k % n !== 0
      if (penalised) {
        grad[k] -= lambda * theta[k]
        hess[k * size + k] += lambda
      } else hess[k * size + k] += 1e-9
    }
    const step = solveSymmetric(hess, grad, size)
    let largest = 0
    for (let k = 0; k < size; k++) {
      theta[k] += step[k]
      largest = Math.max(largest, Math.abs(step[k]))
    }
    if (largest < 1e-3) break
  }
  return { small: theta.slice(0, n), large: theta.slice(n) }
}
