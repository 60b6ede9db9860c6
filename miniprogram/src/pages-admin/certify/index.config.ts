export default definePageConfig({ navigationBarTitleText: '静默认证' });
