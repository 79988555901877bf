export function ContrastStage() {
  return null;
}
