/** Tiles per row of the server's sprite sheets (GET /api/datasets/:id/thumbnails, see its OpenAPI entry). */
export const SPRITE_COLUMNS = 16;

export interface SpriteSheet {
  /** Image indices in tile order: what the sheet is requested with. */
  indices: number[];
  /** Tile of each image index. */
  tileOf: ReadonlyMap<number, number>;
}

/**
 * One sprite sheet for a set of images: each distinct image once, in order of first appearance
 * (unknown images skipped), so equal lists give equal, cacheable requests.
 *
 *   spriteSheet([7, 3, 7, null]) // { indices: [7, 3], tileOf: 7 → 0, 3 → 1 }
 */
export function spriteSheet(images: Iterable<number | null>): SpriteSheet {
  const tileOf = new Map<number, number>();
  for (const image of images) if (image !== null && !tileOf.has(image)) tileOf.set(image, tileOf.size);
  return { indices: [...tileOf.keys()], tileOf };
}

/**
 * CSS background size and position that show `tile` of a sheet of `tiles` tiles in a box of
 * `size` × `size` CSS pixels (the tiles scaled to the box).
 *
 *   spriteTileStyle(17, 20, 10) // { backgroundSize: '160px 20px', backgroundPosition: '-10px -10px' }
 */
export function spriteTileStyle(tile: number, tiles: number, size: number): { backgroundSize: string; backgroundPosition: string } {
  const rows = Math.ceil(tiles / SPRITE_COLUMNS);
  const x = (tile % SPRITE_COLUMNS) * size;
  const y = Math.floor(tile / SPRITE_COLUMNS) * size;
  return { backgroundSize: `${SPRITE_COLUMNS * size}px ${rows * size}px`, backgroundPosition: `${-x}px ${-y}px` };
}
