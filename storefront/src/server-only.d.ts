declare module "server-only"
