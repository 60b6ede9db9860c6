export default definePageConfig({ navigationBarTitleText: '签收流转单' });
